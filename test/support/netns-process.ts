/**
 * A Node script running inside a network namespace, spoken to in JSON lines: each stdout line
 * is one JSON value, each `send()` writes one JSON line to its stdin. Scripts run with the same
 * Node binary as the tests (`process.execPath`), so TypeScript runs directly.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** How long `stop()` waits after SIGTERM before SIGKILL. */
const STOP_GRACE_MS = 2000;
/** Only the tail of stderr is kept for error messages. */
const STDERR_KEEP = 4000;

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface NamespaceProcess {
  readonly pid: number | undefined;
  /** The next JSON line from stdout; rejects when the process exits first or after `timeoutMs`. */
  next(timeoutMs: number): Promise<unknown>;
  /** Writes one JSON line to the script's stdin. */
  send(value: unknown): void;
  /** Closes stdin (the scripts here exit on it), then SIGTERM, then SIGKILL; resolves on exit. */
  stop(): Promise<ExitStatus>;
  /** SIGKILL at once (for exit hooks). */
  kill(): void;
  readonly exited: Promise<ExitStatus>;
  /** What the script wrote to stderr so far (the tail). */
  stderr(): string;
}

export function spawnInNamespace(ns: string, script: string, args?: unknown): NamespaceProcess {
  const argv = ['netns', 'exec', ns, process.execPath, script, ...(args === undefined ? [] : [JSON.stringify(args)])];
  // `ip netns exec` execs the program in place, so the child's pid is Node's pid.
  const child = spawn('ip', argv, { stdio: ['pipe', 'pipe', 'pipe'] });
  const queue: unknown[] = [];
  const waiters: Array<{ resolve: (value: unknown) => void; reject: (error: Error) => void }> = [];
  let stderrText = '';
  let exitStatus: ExitStatus | undefined;

  const exited = new Promise<ExitStatus>((resolve) => {
    child.once('close', (code, signal) => {
      exitStatus = { code, signal };
      for (const waiter of waiters.splice(0)) waiter.reject(exitError());
      resolve(exitStatus);
    });
  });
  // A spawn failure (no `ip`) arrives as 'error' and is followed by 'close'.
  child.once('error', (error) => {
    stderrText += `\n${error.message}`;
  });
  child.stdin.on('error', () => {
    // EPIPE when the script already exited: its exit status says more.
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderrText = (stderrText + chunk).slice(-STDERR_KEEP);
  });

  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = { unparsed: line };
    }
    const waiter = waiters.shift();
    if (waiter) waiter.resolve(value);
    else queue.push(value);
  });

  function exitError(): Error {
    const status = exitStatus ? `code ${exitStatus.code}, signal ${exitStatus.signal}` : 'running';
    return new Error(`${script} in ${ns} exited (${status}) before the expected line. stderr:\n${stderrText.trim()}`);
  }

  const handle: NamespaceProcess = {
    pid: child.pid,
    exited,
    stderr: () => stderrText,

    next(timeoutMs) {
      if (queue.length > 0) return Promise.resolve(queue.shift());
      if (exitStatus) return Promise.reject(exitError());
      return new Promise((resolve, reject) => {
        const waiter = {
          resolve: (value: unknown) => {
            clearTimeout(timer);
            resolve(value);
          },
          reject: (error: Error) => {
            clearTimeout(timer);
            reject(error);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`No line from ${script} in ${ns} within ${timeoutMs} ms. stderr:\n${stderrText.trim()}`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },

    send(value) {
      child.stdin.write(`${JSON.stringify(value)}\n`);
    },

    async stop() {
      if (exitStatus) return exitStatus;
      child.stdin.end();
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      const status = await exited;
      clearTimeout(timer);
      return status;
    },

    kill() {
      if (!exitStatus) child.kill('SIGKILL');
    },
  };
  return handle;
}
