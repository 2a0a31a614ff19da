/** Helpers for heartbeat session tests: loopback servers and waiting for typed events. */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { HeartbeatSession } from '../../src-main/core/heartbeat/session.ts';
import type { HeartbeatEventMap } from '../../src-main/core/heartbeat/types.ts';

export interface LoopbackServer {
  readonly server: Server;
  readonly port: number;
  /** Server-side sockets currently open. */
  readonly sockets: Set<Socket>;
  /** Resolves with the next accepted server-side socket. */
  nextConnection(timeoutMs?: number): Promise<Socket>;
  /** Stops listening and destroys every open connection. */
  close(): Promise<void>;
}

export async function listenLoopback(onConnection: (socket: Socket) => void = (socket) => socket.resume()): Promise<LoopbackServer> {
  const sockets = new Set<Socket>();
  const waiters: ((socket: Socket) => void)[] = [];
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    onConnection(socket);
    waiters.shift()?.(socket);
  });
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 1024 }, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    sockets,
    nextConnection: (timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no connection within ${timeoutMs} ms`)), timeoutMs);
        waiters.push((socket) => {
          clearTimeout(timer);
          resolve(socket);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Resolves with the next `name` event's payload and its monotonic arrival time; rejects after `timeoutMs`. */
export function nextEvent<K extends keyof HeartbeatEventMap>(
  session: HeartbeatSession,
  name: K,
  timeoutMs = 5000,
): Promise<{ value: HeartbeatEventMap[K][0]; at: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      session.removeListener(name, listener as never);
      reject(new Error(`no "${String(name)}" event within ${timeoutMs} ms (state: ${JSON.stringify(session.state)})`));
    }, timeoutMs);
    const listener = (value: HeartbeatEventMap[K][0]): void => {
      clearTimeout(timer);
      resolve({ value, at: performance.now() });
    };
    // node:events types cannot relate a generic key to its listener: the cast is the only one here.
    session.once(name, listener as never);
  });
}

/** Open file descriptors of this process. */
export async function openFds(): Promise<number> {
  const { readdir } = await import('node:fs/promises');
  return (await readdir('/proc/self/fd')).length;
}

/** Polls `read` until it returns `want` or `timeoutMs` passes; returns the last value. */
export async function settleTo(read: () => Promise<number>, want: number, timeoutMs = 3000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  let value = await read();
  while (value !== want && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    value = await read();
  }
  return value;
}
