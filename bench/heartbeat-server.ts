/**
 * The server side of the heartbeat benchmark, run as a child process so the measuring process
 * holds only the client sessions. Echoes every byte. Commands arrive over IPC:
 *   { op: 'close', count, how: 'fin' | 'rst', spacingMs } → closes `count` live connections one
 *     at a time and answers { op: 'closed', closes: [{ port, at }] } (port = the client's port,
 *     at = process.hrtime.bigint() just before the close, as a string: CLOCK_MONOTONIC is shared
 *     by every process on the machine, so the parent can subtract it from its own readings);
 *   { op: 'close-all' } → destroys every connection, answers { op: 'closed-all', at };
 *   { op: 'count' } → answers { op: 'count', count }.
 */
import { createServer, type Socket } from 'node:net';

const live = new Set<Socket>();
const server = createServer((socket) => {
  live.add(socket);
  socket.setNoDelay(true);
  socket.on('error', () => {});
  socket.on('close', () => live.delete(socket));
  socket.pipe(socket);
});

type Command =
  | { op: 'close'; count: number; how: 'fin' | 'rst'; spacingMs: number }
  | { op: 'close-all' }
  | { op: 'count' };

const send = (message: unknown): void => {
  process.send?.(message);
};

async function closeSome(count: number, how: 'fin' | 'rst', spacingMs: number): Promise<void> {
  const closes: { port: number; at: string }[] = [];
  for (let i = 0; i < count; i++) {
    const socket = live.values().next().value;
    if (!socket || socket.remotePort === undefined) break;
    live.delete(socket);
    const port = socket.remotePort!;
    const at = process.hrtime.bigint();
    if (how === 'fin') socket.destroy();
    else socket.resetAndDestroy();
    closes.push({ port, at: String(at) });
    await new Promise((resolve) => setTimeout(resolve, spacingMs));
  }
  send({ op: 'closed', closes });
}

process.on('message', (command: Command) => {
  if (command.op === 'close') void closeSome(command.count, command.how, command.spacingMs);
  else if (command.op === 'close-all') {
    const at = process.hrtime.bigint();
    for (const socket of live) socket.destroy();
    live.clear();
    send({ op: 'closed-all', at: String(at) });
  } else if (command.op === 'count') send({ op: 'count', count: live.size });
});

server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => {
  const address = server.address();
  send({ op: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('disconnect', () => process.exit(0));
