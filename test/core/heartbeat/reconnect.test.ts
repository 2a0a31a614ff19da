import { afterEach, describe, expect, it } from 'vitest';
import { backoffCap } from '../../../src-main/core/heartbeat/backoff.ts';
import { HeartbeatSession } from '../../../src-main/core/heartbeat/session.ts';
import type { HeartbeatState, RetryingEvent } from '../../../src-main/core/heartbeat/types.ts';
import { spawnServer, type ChildServer } from '../../support/child-server.ts';
import { nextEvent } from '../../support/heartbeat.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function child(port = 0): Promise<ChildServer> {
  const server = await spawnServer('echo', port);
  cleanups.push(() => server.kill());
  return server;
}

describe('heartbeat session: server process killed and restarted', () => {
  it('detects the kill, backs off on the configured schedule, and reconnects when the server is back', async () => {
    const backoff = { baseMs: 100, factor: 2, maxMs: 800 };
    let server = await child();
    const { port } = server;
    const session = new HeartbeatSession({ host: '127.0.0.1', port }, {
      mode: { kind: 'active', payload: Buffer.from('PING\n'), intervalMs: 200, replyTimeoutMs: 500 },
      backoff,
    });
    cleanups.push(() => session.stop());
    const retries: { event: RetryingEvent; at: number }[] = [];
    const attemptsAt: number[] = [];
    session.on('retrying', (event) => retries.push({ event, at: performance.now() }));
    session.on('state', (state: HeartbeatState) => {
      if (state.status === 'connecting' && state.attempt > 0) attemptsAt.push(performance.now());
    });

    session.start();
    await nextEvent(session, 'connected');
    await nextEvent(session, 'heartbeat');

    const lost = nextEvent(session, 'lost');
    await server.kill('SIGKILL');
    const { value: loss } = await lost;
    // The kernel closes a killed process's sockets: FIN, or RST if a heartbeat was unread.
    expect(['peer-closed', 'reset']).toContain(loss.class);

    // Stay down for four retries (≈ 100 + 200 + 400 + 800 ms at most), then come back.
    const deadline = performance.now() + 5000;
    while (retries.length < 4 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(retries.length).toBeGreaterThanOrEqual(4);
    const reconnected = nextEvent(session, 'connected', 5000);
    server = await child(port);
    const { value: again } = await reconnected;
    expect(again.outcome.ok).toBe(true);
    await nextEvent(session, 'heartbeat');

    // Every retry n waits in [cap(n)/2, cap(n)], and the next attempt starts no earlier than that.
    retries.forEach(({ event, at }, index) => {
      const cap = backoffCap(index + 1, backoff);
      expect(event.attempt).toBe(index + 1);
      expect(event.delayMs).toBeGreaterThanOrEqual(cap / 2);
      expect(event.delayMs).toBeLessThanOrEqual(cap);
      const attemptAt = attemptsAt[index];
      expect(attemptAt).toBeDefined();
      expect(attemptAt! - at).toBeGreaterThanOrEqual(event.delayMs - 1);
    });
    // While the server was down, each retry was caused by a refused connect.
    for (const { event } of retries.slice(1)) expect(event.cause.failure).toMatchObject({ class: 'refused', phase: 'connect' });
    expect(again.attempt).toBe(retries.length);
  });
});
