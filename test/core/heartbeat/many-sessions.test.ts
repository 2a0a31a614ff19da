import { afterEach, describe, expect, it } from 'vitest';
import { HeartbeatSession } from '../../../src-main/core/heartbeat/session.ts';
import type { LostEvent } from '../../../src-main/core/heartbeat/types.ts';
import { listenLoopback, openFds, settleTo, type LoopbackServer } from '../../support/heartbeat.ts';

const COUNT = 500;
const STOPPED = 100;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('heartbeat sessions at scale', () => {
  it(`holds ${COUNT} concurrent sessions, detects every loss when the server closes them all, and leaks no fd`, async () => {
    const before = await openFds();
    const server: LoopbackServer = await listenLoopback((socket) => socket.pipe(socket));
    cleanups.push(() => server.close());
    const sessions = Array.from({ length: COUNT }, () =>
      new HeartbeatSession({ host: '127.0.0.1', port: server.port }, {
        mode: { kind: 'active', payload: Buffer.from('PING\n'), expect: { kind: 'string', value: 'PING' }, intervalMs: 250, replyTimeoutMs: 2000 },
        backoff: { baseMs: 200, maxMs: 1000 },
      }));
    cleanups.push(() => sessions.forEach((session) => session.stop()));
    let connected = 0;
    let beats = 0;
    const losses: LostEvent[] = [];
    for (const session of sessions) {
      session.on('connected', () => connected++);
      session.on('heartbeat', () => beats++);
      session.on('lost', (event) => losses.push(event));
      session.start();
    }

    const deadline = performance.now() + 10_000;
    while ((connected < COUNT || server.sockets.size < COUNT) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(connected).toBe(COUNT);
    expect(server.sockets.size).toBe(COUNT);
    // Let them heartbeat for a while (bounded): every session beats several times.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(losses).toEqual([]);
    expect(beats).toBeGreaterThanOrEqual(COUNT * 3);

    // Stopping closes the connection: the fd count drops by two per session (both ends here).
    const stopped = sessions.slice(0, STOPPED);
    const established = await openFds();
    for (const session of stopped) session.stop();
    expect(await settleTo(openFds, established - 2 * STOPPED)).toBe(established - 2 * STOPPED);

    await server.close();
    const live = COUNT - STOPPED;
    while (losses.length < live && performance.now() < deadline + 5000) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(losses.length).toBe(live);
    expect(new Set(losses.map((loss) => loss.local.port)).size).toBe(live);
    // Server-side destroy sends FIN; an RST when a heartbeat arrived unread at that moment.
    for (const loss of losses) expect(['peer-closed', 'reset']).toContain(loss.class);
    expect(losses.filter((loss) => loss.class === 'peer-closed').length).toBeGreaterThan(live / 2);

    for (const session of sessions) session.stop();
    expect(sessions.every((session) => session.state.status === 'stopped')).toBe(true);
    expect(await settleTo(openFds, before)).toBe(before);
  });
});
