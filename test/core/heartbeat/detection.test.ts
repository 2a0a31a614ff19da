import { afterEach, describe, expect, it } from 'vitest';
import { HeartbeatSession } from '../../../src-main/core/heartbeat/session.ts';
import type { HeartbeatOptions } from '../../../src-main/core/heartbeat/types.ts';
import type { Target } from '../../../src-main/core/probe/types.ts';
import { spawnServer, type ChildServer } from '../../support/child-server.ts';
import { listenLoopback, nextEvent, type LoopbackServer } from '../../support/heartbeat.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function session(target: Target, options: HeartbeatOptions): HeartbeatSession {
  const created = new HeartbeatSession(target, options);
  cleanups.push(() => created.stop());
  return created;
}
async function loopback(...args: Parameters<typeof listenLoopback>): Promise<LoopbackServer> {
  const server = await listenLoopback(...args);
  cleanups.push(() => server.close());
  return server;
}
async function child(...args: Parameters<typeof spawnServer>): Promise<ChildServer> {
  const server = await spawnServer(...args);
  cleanups.push(() => server.kill());
  return server;
}
const target = (port: number): Target => ({ host: '127.0.0.1', port });
const PASSIVE: HeartbeatOptions = { mode: { kind: 'passive' } };
const echoMode = (intervalMs: number, replyTimeoutMs: number, expect?: string): HeartbeatOptions => ({
  mode: {
    kind: 'active',
    payload: Buffer.from('PING\r\n'),
    intervalMs,
    replyTimeoutMs,
    ...(expect === undefined ? {} : { expect: { kind: 'string', value: expect } }),
  },
});

describe('heartbeat session: detection', () => {
  it('reports a graceful close (FIN) as peer-closed within 50 ms, with the uptime', async () => {
    const server = await loopback();
    const watched = session(target(server.port), PASSIVE);
    const accepted = server.nextConnection();
    const connected = nextEvent(watched, 'connected');
    watched.start();
    const { value: up } = await connected;
    expect(up.outcome).toMatchObject({ ok: true, kind: 'heartbeat', address: '127.0.0.1', family: 4 });
    expect(watched.state.status).toBe('established');
    const serverSide = await accepted;
    await new Promise((resolve) => setTimeout(resolve, 100));

    const lost = nextEvent(watched, 'lost');
    const clientPort = serverSide.remotePort;
    const closedAt = performance.now();
    serverSide.destroy();
    const { value, at } = await lost;
    expect(value.class).toBe('peer-closed');
    expect(value.outcome).toMatchObject({ ok: false, kind: 'heartbeat', failure: { class: 'peer-closed', code: 'EOF', phase: 'receive' } });
    expect(at - closedAt).toBeLessThan(50);
    expect(value.uptimeMs).toBeGreaterThanOrEqual(95);
    expect(value.local.port).toBe(clientPort);
    expect(['lost', 'backing-off']).toContain(watched.state.status);
  });

  it('reports an RST as reset, and the session reconnects', async () => {
    const server = await loopback();
    const watched = session(target(server.port), { ...PASSIVE, backoff: { baseMs: 50 } });
    const accepted = server.nextConnection();
    watched.start();
    const serverSide = await accepted;
    await nextEvent(watched, 'connected').catch(() => undefined);

    const lost = nextEvent(watched, 'lost');
    const retrying = nextEvent(watched, 'retrying');
    serverSide.resetAndDestroy();
    const { value } = await lost;
    expect(value.outcome.failure).toMatchObject({ class: 'reset', code: 'ECONNRESET', phase: 'receive' });
    const { value: retry } = await retrying;
    expect(retry.attempt).toBe(1);
    expect(retry.cause).toBe(value.outcome);
    expect(watched.state).toMatchObject({ status: 'backing-off', attempt: 1, delayMs: retry.delayMs });
    const { value: again } = await nextEvent(watched, 'connected');
    expect(again.attempt).toBe(1);
  });

  it('reports a write after FIN + RST as broken-pipe (EPIPE), and the process survives the SIGPIPE', async () => {
    // The peer (another process) sends FIN, then RST, while this process is busy: the kernel
    // records EPIPE for a connection in CLOSE_WAIT that gets an RST, and the overdue heartbeat
    // write fails with it, because the event loop runs timers before it polls again for reads.
    // Node ignores SIGPIPE, so the write returns EPIPE instead of killing this process.
    const server = await child('fin-then-reset');
    const watched = session(target(server.port), echoMode(200, 1000));
    watched.once('connected', () => {
      // After the session attached its heartbeat timer (still in this poll phase), block for 700 ms.
      queueMicrotask(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 700));
    });
    const lost = nextEvent(watched, 'lost');
    watched.start();
    const { value } = await lost;
    expect(value.outcome.failure).toMatchObject({ class: 'broken-pipe', code: 'EPIPE', phase: 'send' });
    expect(value.outcome.failure.errno).toBeLessThan(0);
  });

  it('reports a reply that does not match the expectation as protocol', async () => {
    const server = await loopback((socket) => socket.pipe(socket));
    const watched = session(target(server.port), echoMode(100, 150, 'PONG'));
    const lost = nextEvent(watched, 'lost');
    watched.start();
    const { value } = await lost;
    expect(value.class).toBe('protocol');
    expect(value.outcome.failure.code).toBe('MISMATCH');
    expect(value.outcome.failure.message).toContain('PING\\r\\n');
  });

  it('records each matching reply as a heartbeat sample (kind heartbeat, latency = RTT)', async () => {
    const server = await loopback((socket) => socket.on('data', () => socket.write('PONG\r\n')));
    const watched = session(target(server.port), echoMode(50, 500, 'PONG'));
    const beats: number[] = [];
    watched.on('heartbeat', ({ rttMs, outcome }) => {
      expect(outcome).toMatchObject({ ok: true, kind: 'heartbeat', latencyMs: rttMs, phases: { firstByte: rttMs } });
      beats.push(rttMs);
    });
    watched.start();
    await nextEvent(watched, 'connected');
    for (let i = 0; i < 3; i++) await nextEvent(watched, 'heartbeat');
    expect(beats.length).toBeGreaterThanOrEqual(3);
    expect(beats.every((rtt) => rtt > 0 && rtt < 500)).toBe(true);
    expect(watched.state).toMatchObject({ status: 'established', lastRttMs: beats.at(-1) });
  });

  it('declares half-open when a heartbeat gets no reply, after interval + timeout (±10 %)', async () => {
    const server = await loopback((socket) => socket.resume());
    const watched = session(target(server.port), echoMode(400, 200));
    const connected = nextEvent(watched, 'connected');
    const lost = nextEvent(watched, 'lost');
    watched.start();
    const { at: upAt } = await connected;
    const { value, at } = await lost;
    expect(value.outcome.failure).toMatchObject({ class: 'half-open', code: 'HALF_OPEN', phase: 'receive' });
    expect(at - upAt).toBeGreaterThanOrEqual(600 * 0.9);
    expect(at - upAt).toBeLessThanOrEqual(600 * 1.1);
    expect(value.outcome.totalMs).toBeGreaterThanOrEqual(199);
  });

  it('classifies a failed connect and backs off instead of emitting connected', async () => {
    const server = await loopback();
    const port = server.port;
    await server.close();
    const watched = session(target(port), { ...PASSIVE, backoff: { baseMs: 40, maxMs: 100 } });
    const first = nextEvent(watched, 'retrying');
    watched.start();
    const { value } = await first;
    expect(value.cause).toMatchObject({ ok: false, kind: 'heartbeat', failure: { class: 'refused', code: 'ECONNREFUSED', phase: 'connect' } });
    expect(value.delayMs).toBeGreaterThanOrEqual(20);
    expect(value.delayMs).toBeLessThanOrEqual(40);
    const { value: second } = await nextEvent(watched, 'retrying');
    expect(second.attempt).toBe(2);
  });

  it('stop() closes the connection (the server sees FIN) and nothing fires afterwards', async () => {
    const server = await loopback();
    const watched = session(target(server.port), echoMode(30, 30));
    const accepted = server.nextConnection();
    watched.start();
    const serverSide = await accepted;
    await nextEvent(watched, 'connected').catch(() => undefined);
    const events: string[] = [];
    for (const name of ['heartbeat', 'lost', 'retrying', 'connected'] as const) watched.on(name, () => events.push(name));
    const ended = new Promise((resolve) => serverSide.once('end', resolve));
    watched.stop();
    expect(watched.state.status).toBe('stopped');
    await ended;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(events).toEqual([]);
  });

  it('an aborted signal stops a session that is still connecting', async () => {
    const controller = new AbortController();
    const watched = session({ host: 'heartbeat.invalid', port: 80 }, {
      ...PASSIVE,
      lookup: () => new Promise(() => {}),
      signal: controller.signal,
    });
    watched.start();
    expect(watched.state.status).toBe('connecting');
    const events: string[] = [];
    watched.on('retrying', () => events.push('retrying'));
    controller.abort();
    expect(watched.state.status).toBe('stopped');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).toEqual([]);
  });
});
