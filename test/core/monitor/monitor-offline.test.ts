/**
 * "Inconclusive, not down", on a real network: the daemon runs in a client namespace probing
 * services in a server namespace; the client's only link is taken down (its routes vanish,
 * connects fail with ENETUNREACH) and brought back. Every endpoint must go inconclusive — never
 * down — and return to up.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeAsRoot } from '../../support/netns.ts';
import { ADDR, createTopology, type RunningServices, type Topology } from '../../support/netns-topology.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { runCli } from '../../cli/support/run-cli.ts';
import { waitUntil } from '../../support/wait.ts';

const BIN = fileURLToPath(new URL('../../../bin/synack.js', import.meta.url));

interface TransitionLine {
  readonly endpoint: string;
  readonly from: string;
  readonly to: string;
  readonly class?: string;
}

describeAsRoot('monitor service when the machine loses its network', () => {
  let topology: Topology;
  let services: RunningServices;
  let dir: ReturnType<typeof makeTempDir>;
  let daemon: ChildProcess | undefined;

  beforeAll(async () => {
    topology = await createTopology();
    services = await topology.services([{ kind: 'tcp-echo', port: 0 }, { kind: 'tcp-echo', port: 0 }]);
    dir = makeTempDir();
  });

  afterAll(async () => {
    daemon?.kill('SIGKILL');
    await services?.stop();
    await topology?.teardown();
    dir?.remove();
  });

  test('marks samples inconclusive while the link is down, then returns to up without a down', async () => {
    const db = join(dir.path, 'synack.db');
    for (const [i, port] of services.ports.entries()) {
      const added = await runCli(['endpoints', 'add', `svc${i}`, `${ADDR.server}:${port}`, '--interval', '250ms', '--timeout', '200ms', '--db', db]);
      expect(added.code).toBe(0);
    }
    const child = spawn('ip', ['netns', 'exec', topology.client, process.execPath, BIN, 'run', '--json', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
    daemon = child;
    const transitions: TransitionLine[] = [];
    let buffered = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) transitions.push(JSON.parse(line) as TransitionLine);
    });
    const reached = (to: string, count: number): Promise<void> => waitUntil(() => transitions.filter((t) => t.to === to).length >= count, `${count}× ${to}`, 15_000, 25);

    await reached('up', 2);
    await topology.lab.ip(topology.client, ['link', 'set', 'eth0', 'down']);
    await reached('inconclusive', 2);
    // Well past "down after 3 failures" at a 250 ms interval: still no down.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await topology.lab.ip(topology.client, ['link', 'set', 'eth0', 'up']);
    await topology.lab.ip(topology.client, ['route', 'replace', ADDR.serverNet, 'via', ADDR.routerClientSide]);
    await reached('up', 4);

    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.once('close', (exitCode) => resolve(exitCode)));
    daemon = undefined;
    expect(code).toBe(0);
    expect(transitions.filter((t) => t.to === 'down')).toEqual([]);
    for (const name of ['svc0', 'svc1']) {
      expect(transitions.filter((t) => t.endpoint === name).map((t) => t.to)).toEqual(['up', 'inconclusive', 'up']);
    }
  });
});
