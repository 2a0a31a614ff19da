/** Real loopback servers for tests: each listens on port 0 and is closed by the returned function. */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';

export interface TcpFixture {
  readonly port: number;
  readonly server: Server;
  close(): Promise<void>;
}

/** A TCP server on 127.0.0.1 whose connections are handled by `onConnection`. */
export async function tcpServer(onConnection: (socket: Socket) => void = () => {}, port = 0): Promise<TcpFixture> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    onConnection(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 where nothing listens (bound then released). */
export async function closedPort(): Promise<number> {
  const fixture = await tcpServer();
  await fixture.close();
  return fixture.port;
}

export interface UdpFixture {
  readonly port: number;
  readonly socket: UdpSocket;
  close(): Promise<void>;
}

/** A UDP server on 127.0.0.1 that answers each datagram with `reply(datagram)`, or stays silent when it returns undefined. */
export async function udpServer(reply: (message: Buffer) => Buffer | undefined = (message) => message): Promise<UdpFixture> {
  const socket = createSocket('udp4');
  socket.on('message', (message, remote) => {
    const answer = reply(message);
    if (answer) socket.send(answer, remote.port, remote.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { port: socket.address().port, socket, close: () => new Promise<void>((resolve) => socket.close(() => resolve())) };
}
