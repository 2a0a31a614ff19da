/** Loopback listeners in a child process, so the server side never competes with the client being measured. */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { ChildReply, ChildRequest } from './listener-child.ts';

/** A set of listeners on 127.0.0.1; `close()` ends the child. */
export interface Listeners {
  readonly host: string;
  readonly ports: readonly number[];
  /** CPU time the listener process has used so far, ms: tells whether the server side was the bottleneck. */
  cpuMs(): Promise<number>;
  close(): Promise<void>;
}

async function ask(child: ChildProcess, request: ChildRequest, exited: Promise<unknown>): Promise<ChildReply> {
  child.send(request);
  const [reply] = (await Promise.race([
    once(child, 'message'),
    exited.then(() => { throw new Error(`listener child exited (${String(child.exitCode ?? child.signalCode)})`); }),
  ])) as [ChildReply];
  if (reply.type === 'error') throw new Error(`listener child: ${reply.message}`);
  return reply;
}

/** Starts `count` loopback listeners in a child process; they accept and close every connection. */
export async function startListeners(count: number): Promise<Listeners> {
  const child = fork(new URL('./listener-child.ts', import.meta.url), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = once(child, 'exit');
  exited.catch(() => {});
  const close = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    if (child.connected) child.disconnect();
    const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const reply = await ask(child, { type: 'listen', count }, exited);
    if (reply.type !== 'ports') throw new Error('listener child: unexpected reply');
    const cpuMs = async (): Promise<number> => {
      const answer = await ask(child, { type: 'cpu' }, exited);
      if (answer.type !== 'cpu') throw new Error('listener child: unexpected reply');
      return answer.cpuMs;
    };
    return { host: '127.0.0.1', ports: reply.ports, cpuMs, close };
  } catch (error) {
    await close();
    throw error;
  }
}
