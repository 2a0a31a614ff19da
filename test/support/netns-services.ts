/**
 * Test services, run as a script inside a namespace:
 *   node test/support/netns-services.ts '{"services":[{"kind":"tcp-echo","port":7000}]}'
 * Prints `{"ready":true,"ports":[…]}` once everything listens, then runs until stdin closes or
 * SIGTERM. Kinds: `tcp-echo` (echoes bytes back), `tcp-silent` (accepts, never writes),
 * `tcp-reset` (accepts, then RST), `tcp-fin` (accepts, then FIN), `udp-echo`, and `dns` (the
 * zone responder of ./dns-responder.ts).
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type Server, type Socket } from 'node:net';
import { z } from 'zod';
import { startDnsResponder, type DnsResponder } from './dns-responder.ts';

const behaviourSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('a'), addresses: z.array(z.string()).readonly() }),
  z.object({ kind: z.literal('nxdomain') }),
  z.object({ kind: z.literal('servfail') }),
  z.object({ kind: z.literal('silent') }),
]);

const portSchema = z.number().int().min(0).max(65535);

export const serviceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tcp-echo'), port: portSchema }),
  z.object({ kind: z.literal('tcp-silent'), port: portSchema }),
  z.object({ kind: z.literal('tcp-reset'), port: portSchema }),
  z.object({ kind: z.literal('tcp-fin'), port: portSchema }),
  z.object({ kind: z.literal('udp-echo'), port: portSchema }),
  z.object({ kind: z.literal('dns'), port: portSchema, zone: z.record(z.string(), behaviourSchema) }),
]);

export type ServiceSpec = z.infer<typeof serviceSchema>;

const argsSchema = z.object({ services: z.array(serviceSchema), address: z.string().default('0.0.0.0') });

type Closer = () => Promise<void>;

function listenTcp(port: number, address: string, onConnection: (socket: Socket) => void): Promise<{ port: number; close: Closer }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    onConnection(socket);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () => {
      const bound = server.address();
      resolve({
        port: typeof bound === 'object' && bound ? bound.port : port,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

function listenUdpEcho(port: number, address: string): Promise<{ port: number; close: Closer }> {
  const socket: UdpSocket = createSocket('udp4');
  socket.on('message', (message, remote) => socket.send(message, remote.port, remote.address));
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, address, () => {
      socket.off('error', reject);
      socket.on('error', (error) => console.error(`udp echo: ${error.message}`));
      resolve({ port: socket.address().port, close: () => new Promise<void>((done) => socket.close(() => done())) });
    });
  });
}

async function start(spec: ServiceSpec, address: string): Promise<{ port: number; close: Closer }> {
  switch (spec.kind) {
    case 'tcp-echo':
      return listenTcp(spec.port, address, (socket) => socket.pipe(socket));
    case 'tcp-silent':
      return listenTcp(spec.port, address, (socket) => socket.resume());
    case 'tcp-reset':
      return listenTcp(spec.port, address, (socket) => socket.resetAndDestroy());
    case 'tcp-fin':
      return listenTcp(spec.port, address, (socket) => socket.end());
    case 'udp-echo':
      return listenUdpEcho(spec.port, address);
    case 'dns': {
      const responder: DnsResponder = await startDnsResponder(spec.zone, address, spec.port);
      return { port: responder.port, close: responder.close };
    }
  }
}

async function main(): Promise<void> {
  const args = argsSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
  const started: Array<{ port: number; close: Closer }> = [];
  for (const spec of args.services) started.push(await start(spec, args.address));
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void Promise.all(started.map((service) => service.close())).then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
  process.stdout.write(`${JSON.stringify({ ready: true, ports: started.map((service) => service.port) })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
