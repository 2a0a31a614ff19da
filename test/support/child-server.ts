/** Spawns test/support/tcp-server-child.ts and waits until it listens. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./tcp-server-child.ts', import.meta.url));

export interface ChildServer {
  readonly child: ChildProcess;
  readonly port: number;
  /** Kills the child (SIGKILL by default) and waits for it to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export type ChildBehaviour = 'echo' | 'silent' | 'fin-then-reset';

export interface SpawnOptions {
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** Run the server inside this network namespace (`ip netns exec`, which execs in place: same pid). */
  readonly netns?: string;
}

export function spawnServer(behaviour: ChildBehaviour, port = 0, options: SpawnOptions = {}): Promise<ChildServer> {
  const argv = [SCRIPT, String(port), behaviour, options.host ?? '127.0.0.1'];
  const [file, args] = options.netns === undefined
    ? [process.execPath, argv]
    : ['ip', ['netns', 'exec', options.netns, process.execPath, ...argv]];
  const child = spawn(file, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const kill = (signal: NodeJS.Signals = 'SIGKILL'): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void kill();
      reject(new Error(`child server (${behaviour}) did not start within 10 s`));
    }, 10_000);
    child.once('message', (message: { port: number }) => {
      clearTimeout(timer);
      resolve({ child, port: message.port, kill });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`child server exited early (${code ?? signal})`));
    });
  });
}
