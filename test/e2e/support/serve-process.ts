/**
 * `synack serve` as a child process in its own process group (killing an npx wrapper would
 * leave the server running): started on a temp database, stopped by its pid's group.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../bin/synack.js', import.meta.url));
const URL_LINE = /^Synack web UI: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+))$/m;

export interface ServeProcess {
  /** The sign-in URL with its one-time token. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  readonly child: ChildProcess;
  /** What it wrote to stderr so far. */
  stderr(): string;
  /** SIGTERM to the group, SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

export async function startServe(args: readonly string[], timeoutMs = 15_000): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (graceMs = 5000): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    signalGroup(child, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  try {
    const match = await new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`synack serve printed no URL within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
      const check = (): void => {
        const found = URL_LINE.exec(stdout);
        if (found && stdout.includes('Ctrl-C')) {
          clearTimeout(timer);
          resolve(found);
        }
      };
      child.stdout?.on('data', check);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`synack serve exited with ${code}; stderr: ${stderr}`));
      });
    });
    const [, url = '', port = '', token = ''] = match;
    return { url, origin: `http://127.0.0.1:${port}`, port: Number(port), token, child, stderr: () => stderr, stop };
  } catch (error) {
    await stop(1000);
    throw error;
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}
