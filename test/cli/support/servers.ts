/** Loopback servers on port 0 for CLI tests; every one is closed by `closeAll`. */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export interface Servers {
  /** A TCP server; `onConnection` decides what happens to each connection (default: keep it open). */
  tcp(onConnection?: (socket: Socket) => void): Promise<number>;
  /** A port nothing listens on (bound, then closed). */
  closedTcpPort(): Promise<number>;
  /** A UDP server that echoes every datagram. */
  udpEcho(): Promise<number>;
  closeAll(): Promise<void>;
}

export function createServers(): Servers {
  const tcpServers: Server[] = [];
  const sockets = new Set<Socket>();
  const udpSockets: UdpSocket[] = [];

  const listen = (server: Server): Promise<number> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });

  return {
    async tcp(onConnection) {
      const server = createServer((socket) => {
        sockets.add(socket);
        socket.on('error', () => {});
        socket.on('close', () => sockets.delete(socket));
        onConnection?.(socket);
      });
      tcpServers.push(server);
      return listen(server);
    },
    async closedTcpPort() {
      const server = createServer();
      const port = await listen(server);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      return port;
    },
    udpEcho() {
      return new Promise((resolve, reject) => {
        const socket = createSocket('udp4');
        udpSockets.push(socket);
        socket.on('message', (message, remote) => socket.send(message, remote.port, remote.address));
        socket.once('error', reject);
        socket.bind(0, '127.0.0.1', () => resolve(socket.address().port));
      });
    },
    async closeAll() {
      for (const socket of sockets) socket.destroy();
      await Promise.all(tcpServers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
      await Promise.all(udpSockets.map((socket) => new Promise<void>((resolve) => socket.close(() => resolve()))));
      tcpServers.length = 0;
      udpSockets.length = 0;
    },
  };
}
