/**
 * A lab of Linux network namespaces for fault-injection tests (root only).
 *
 * Every namespace a lab creates is named `synack-<pid>-<lab>-<role>`, so parallel test files
 * (each in its own process) never collide, and everything that changes routes or firewalls runs
 * inside those namespaces: the host's root namespace is never touched. Deleting a namespace
 * removes its veths, routes and firewall rules with it; `teardown()` does that, and an exit hook
 * does it again for a process that dies before its afterAll.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe } from 'vitest';
import { spawnInNamespace, type NamespaceProcess } from './netns-process.ts';

const run = promisify(execFile);

/** Every command the lab runs is bounded: a hung `ip` must fail the test, not stall it. */
const COMMAND_TIMEOUT_MS = 10_000;
const PREFIX = 'synack-';
/** `ip netns exec NS` bind-mounts each file of /etc/netns/NS over /etc (e.g. a private resolv.conf). */
const NETNS_ETC = '/etc/netns';

/** True when the process may create namespaces (uid 0). */
export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/**
 * `describe` for root-only suites. Without root the suite is skipped with the reason printed:
 * the only skip the project allows.
 */
export function describeAsRoot(name: string, body: () => void): void {
  if (isRoot()) {
    describe(name, body);
    return;
  }
  console.warn(`[skip] "${name}": network namespace tests need root (uid 0); this process runs as uid ${process.getuid?.() ?? '?'}.`);
  describe.skip(name, body);
}

/** One end of a veth pair: the namespace, the interface name inside it, and an optional CIDR address. */
export interface VethEnd {
  readonly ns: string;
  readonly dev: string;
  /** e.g. `10.251.1.2/24` */
  readonly address?: string;
}

export interface Lab {
  /** Creates a namespace for `role` with loopback up; returns its name. */
  namespace(role: string): Promise<string>;
  /** Creates a veth pair directly inside two of the lab's namespaces, addresses it and brings it up. */
  link(a: VethEnd, b: VethEnd): Promise<void>;
  /** Runs a program inside a namespace (`ip netns exec`); resolves with its stdout, rejects with its stderr. */
  exec(ns: string, argv: readonly string[]): Promise<string>;
  /** `ip -n ns …` (addresses, routes, links). */
  ip(ns: string, args: readonly string[]): Promise<string>;
  /** `iptables …` inside a namespace. */
  iptables(ns: string, args: readonly string[]): Promise<string>;
  /**
   * Appends a filter-table rule without a target to `chain`: it only counts the packets that
   * match. Returns a reader of that count (e.g. to prove no packet left the namespace).
   */
  countPackets(ns: string, chain: string, match: readonly string[]): Promise<() => Promise<number>>;
  /** Sets a per-namespace sysctl, e.g. `net.ipv4.ip_forward`. */
  sysctl(ns: string, key: string, value: string | number): Promise<void>;
  /**
   * Writes /etc/netns/NS/<name>, which processes started later in the namespace see as
   * /etc/<name> (resolv.conf, nsswitch.conf). Removed with the namespace.
   */
  etcFile(ns: string, name: string, content: string): Promise<void>;
  /** Starts `process.execPath script jsonArgs` inside a namespace; stopped by teardown. */
  spawn(ns: string, script: string, args?: unknown): NamespaceProcess;
  /** Stops the lab's processes and deletes its namespaces. Safe to call twice. */
  teardown(): Promise<void>;
}

let labCounter = 0;
let counterRules = 0;
/** Namespaces and processes still alive in this process, for the exit hook. */
const liveNamespaces = new Set<string>();
const liveProcesses = new Set<NamespaceProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of liveProcesses) child.kill();
    for (const ns of liveNamespaces) {
      try {
        execFileSync('ip', ['netns', 'del', ns], { stdio: 'ignore', timeout: COMMAND_TIMEOUT_MS });
        execFileSync('rm', ['-rf', '--', join(NETNS_ETC, ns)], { stdio: 'ignore', timeout: COMMAND_TIMEOUT_MS });
      } catch {
        // Best effort at exit: nothing more can be done here.
      }
    }
  });
}

async function command(file: string, args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await run(file, args, { timeout: COMMAND_TIMEOUT_MS, encoding: 'utf8' });
    return stdout;
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`${file} ${args.join(' ')} failed: ${stderr?.trim() || String(error)}`, { cause: error });
  }
}

/** Deletes namespaces left behind by earlier lab processes that died (their pid is gone). */
async function reapOrphans(): Promise<void> {
  const listing = await command('ip', ['netns', 'list']);
  for (const line of listing.split('\n')) {
    const name = line.split(' ')[0] ?? '';
    const match = /^synack-(\d+)-\d+-/.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || processExists(pid)) continue;
    await command('ip', ['netns', 'del', name]).catch(() => undefined);
    await removeEtc(name);
  }
}

/** Removes a namespace's /etc/netns directory, and /etc/netns itself once empty. */
async function removeEtc(ns: string): Promise<void> {
  await rm(join(NETNS_ETC, ns), { recursive: true, force: true });
  await rmdir(NETNS_ETC).catch(() => undefined); // ENOTEMPTY/ENOENT: others still use it, or it never existed
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A new, empty lab. Call `teardown()` in afterAll (and it is also run at process exit). */
export function createLab(): Lab {
  installExitHook();
  const labId = ++labCounter;
  const namespaces: string[] = [];
  const processes: NamespaceProcess[] = [];
  let reaped = false;

  const lab: Lab = {
    async namespace(role) {
      if (!/^[a-z0-9]+$/.test(role)) throw new Error(`Namespace role "${role}" must be lowercase letters and digits.`);
      if (!reaped) {
        reaped = true;
        await reapOrphans();
      }
      const name = `${PREFIX}${process.pid}-${labId}-${role}`;
      await command('ip', ['netns', 'add', name]);
      namespaces.push(name);
      liveNamespaces.add(name);
      await lab.ip(name, ['link', 'set', 'lo', 'up']);
      return name;
    },

    async link(a, b) {
      // Created inside the namespaces at once: the names never exist in the root namespace.
      await command('ip', ['link', 'add', 'name', a.dev, 'netns', a.ns, 'type', 'veth', 'peer', 'name', b.dev, 'netns', b.ns]);
      for (const end of [a, b]) {
        if (end.address !== undefined) await lab.ip(end.ns, ['addr', 'add', end.address, 'dev', end.dev]);
        await lab.ip(end.ns, ['link', 'set', end.dev, 'up']);
      }
    },

    exec: (ns, argv) => command('ip', ['netns', 'exec', ns, ...argv]),
    ip: (ns, args) => command('ip', ['-n', ns, ...args]),
    iptables: (ns, args) => lab.exec(ns, ['iptables', '-w', ...args]),

    async countPackets(ns, chain, match) {
      const tag = `synack-count-${++counterRules}`;
      await lab.iptables(ns, ['-A', chain, ...match, '-m', 'comment', '--comment', tag]);
      return async () => {
        const listing = await lab.iptables(ns, ['-L', chain, '-v', '-x', '-n']);
        const line = listing.split('\n').find((row) => row.includes(`/* ${tag} */`));
        const packets = Number(line?.trim().split(/\s+/)[0]);
        if (!Number.isInteger(packets)) throw new Error(`No counter ${tag} in:\n${listing}`);
        return packets;
      };
    },

    async sysctl(ns, key, value) {
      await lab.exec(ns, ['sysctl', '-qw', `${key}=${value}`]);
    },

    async etcFile(ns, name, content) {
      if (!namespaces.includes(ns)) throw new Error(`${ns} is not a namespace of this lab.`);
      if (!/^[a-z0-9._-]+$/.test(name)) throw new Error(`"${name}" is not a plain file name.`);
      await mkdir(join(NETNS_ETC, ns), { recursive: true });
      await writeFile(join(NETNS_ETC, ns, name), content);
    },

    spawn(ns, script, args) {
      if (!namespaces.includes(ns)) throw new Error(`${ns} is not a namespace of this lab.`);
      const child = spawnInNamespace(ns, script, args);
      processes.push(child);
      liveProcesses.add(child);
      void child.exited.then(() => liveProcesses.delete(child));
      return child;
    },

    async teardown() {
      await Promise.all(processes.splice(0).map((child) => child.stop()));
      const errors: string[] = [];
      for (const ns of namespaces.splice(0).reverse()) {
        try {
          await command('ip', ['netns', 'del', ns]);
          await removeEtc(ns);
        } catch (error) {
          errors.push((error as Error).message);
        }
        liveNamespaces.delete(ns);
      }
      if (errors.length > 0) throw new Error(`Lab teardown failed:\n${errors.join('\n')}`);
    },
  };
  return lab;
}
