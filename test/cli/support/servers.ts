/** Loopback servers on port 0 for CLI tests, built on the shared fixtures; every one is closed by `closeAll`. */
import type { Socket } from 'node:net';
import { closedPort, tcpServer, udpServer } from '../../support/loopback.ts';

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
  const open: { close(): Promise<void> }[] = [];
  const track = <T extends { port: number; close(): Promise<void> }>(fixture: T): number => {
    open.push(fixture);
    return fixture.port;
  };
  return {
    tcp: async (onConnection) => track(await tcpServer(onConnection)),
    closedTcpPort: () => closedPort(),
    udpEcho: async () => track(await udpServer()),
    async closeAll() {
      await Promise.all(open.splice(0).map((fixture) => fixture.close()));
    },
  };
}
