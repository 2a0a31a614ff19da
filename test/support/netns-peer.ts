/**
 * A network namespace joined to this one by a veth pair, for real fault injection (iptables
 * DROP makes an established connection half-open). Root only. Addresses come from a random
 * 10.213.x.0/30 that no existing route covers; deleting the namespace removes the veth pair.
 */
import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface NetnsPeer {
  readonly name: string;
  /** This side's address on the link. */
  readonly hostAddress: string;
  /** The namespace's address: servers inside listen here. */
  readonly peerAddress: string;
  /** Runs a command inside the namespace (e.g. iptables). */
  exec(file: string, args: readonly string[]): Promise<string>;
  destroy(): Promise<void>;
}

export const isRoot = (): boolean => process.getuid?.() === 0;

export async function createNetnsPeer(): Promise<NetnsPeer> {
  const tag = `${process.pid % 100_000}${randomInt(100)}`;
  const name = `synack-hb-${tag}`;
  const hostIf = `hbh${tag}`;
  const peerIf = `hbp${tag}`;
  const subnet = await freeSubnet();
  const hostAddress = `${subnet}.1`;
  const peerAddress = `${subnet}.2`;
  const destroy = async (): Promise<void> => {
    await run('ip', ['netns', 'del', name]).catch(() => undefined);
    await run('ip', ['link', 'del', hostIf]).catch(() => undefined);
  };
  try {
    await run('ip', ['netns', 'add', name]);
    await run('ip', ['link', 'add', hostIf, 'type', 'veth', 'peer', 'name', peerIf]);
    await run('ip', ['link', 'set', peerIf, 'netns', name]);
    await run('ip', ['addr', 'add', `${hostAddress}/30`, 'dev', hostIf]);
    await run('ip', ['link', 'set', hostIf, 'up']);
    await run('ip', ['-n', name, 'addr', 'add', `${peerAddress}/30`, 'dev', peerIf]);
    await run('ip', ['-n', name, 'link', 'set', peerIf, 'up']);
    await run('ip', ['-n', name, 'link', 'set', 'lo', 'up']);
  } catch (error) {
    await destroy();
    throw error;
  }
  return {
    name,
    hostAddress,
    peerAddress,
    exec: async (file, args) => (await run('ip', ['netns', 'exec', name, file, ...args])).stdout,
    destroy,
  };
}

async function freeSubnet(): Promise<string> {
  const { stdout } = await run('ip', ['-4', 'route', 'show', 'table', 'all']);
  for (let tries = 0; tries < 50; tries++) {
    const subnet = `10.213.${randomInt(256)}`;
    if (!stdout.includes(`${subnet}.`)) return subnet;
  }
  throw new Error('no free 10.213.x.0/30 subnet');
}
