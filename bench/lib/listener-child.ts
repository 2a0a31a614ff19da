/**
 * Child process holding the loopback listeners a benchmark dials, so the measuring process
 * only does the client side. Driven by `listeners.ts` over the IPC channel; exits when the
 * parent disconnects.
 */
import { createServer, type Server } from 'node:net';

/** Parent → child. */
export type ChildRequest = { readonly type: 'listen'; readonly count: number } | { readonly type: 'cpu' };
/** Child → parent. */
export type ChildReply =
  | { readonly type: 'ports'; readonly ports: number[] }
  | { readonly type: 'cpu'; readonly cpuMs: number }
  | { readonly type: 'error'; readonly message: string };

const servers: Server[] = [];

function listen(): Promise<number> {
  // pauseOnConnect: the child never reads; it only accepts and closes, the cheapest server there is.
  const server = createServer({ pauseOnConnect: true }, (socket) => {
    socket.on('error', () => {});
    socket.destroy();
  });
  servers.push(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0, backlog: 4096 }, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') return reject(new Error('listener has no port'));
      resolve(address.port);
    });
  });
}

function reply(message: ChildReply): void {
  process.send?.(message);
}

async function listenAll(count: number): Promise<void> {
  const ports: number[] = [];
  for (let i = 0; i < count; i++) ports.push(await listen());
  reply({ type: 'ports', ports });
}

process.on('message', (request: ChildRequest) => {
  if (request.type === 'listen') {
    listenAll(request.count).catch((error: unknown) => reply({ type: 'error', message: String(error) }));
  } else {
    const cpu = process.cpuUsage();
    reply({ type: 'cpu', cpuMs: (cpu.user + cpu.system) / 1000 });
  }
});

process.once('disconnect', () => {
  for (const server of servers) server.close();
  process.exit(0);
});
