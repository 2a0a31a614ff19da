/**
 * A TCP server run as a child process (`process.execPath tcp-server-child.ts …`), so a test can
 * kill it, or let it act while the test process is busy. Reports `{ port }` over IPC once listening.
 *
 * argv: <port> <behaviour> [host, default 127.0.0.1]
 *   echo            — echo every byte back
 *   silent          — accept, never reply
 *   fin-then-reset  — after 100 ms send FIN; once it is out, reset (RST) the connection
 */
import { createServer, type Socket } from 'node:net';

const port = Number(process.argv[2] ?? 0);
const behaviour = process.argv[3] ?? 'echo';
const host = process.argv[4] ?? '127.0.0.1';

const server = createServer((socket: Socket) => {
  socket.on('error', () => {});
  if (behaviour === 'echo') socket.pipe(socket);
  else if (behaviour === 'silent') socket.resume();
  else if (behaviour === 'fin-then-reset') {
    socket.resume();
    setTimeout(() => socket.end(() => socket.resetAndDestroy()), 100);
  }
});
server.listen({ port, host, backlog: 4096 }, () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
// Never outlive the test that spawned us.
process.on('disconnect', () => process.exit(0));
