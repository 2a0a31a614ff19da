import { describe, expect, it } from 'vitest';
import { backoffCap, backoffDelay, DEFAULT_BACKOFF, resolveBackoff } from '../../../src-main/core/heartbeat/backoff.ts';
import { HeartbeatSession } from '../../../src-main/core/heartbeat/session.ts';
import type { RetryingEvent } from '../../../src-main/core/heartbeat/types.ts';
import { listenLoopback } from '../../support/heartbeat.ts';

describe('heartbeat backoff (exponential, equal jitter)', () => {
  it('doubles from the base up to the maximum', () => {
    const caps = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffCap(n, DEFAULT_BACKOFF));
    expect(caps).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(backoffCap(10_000, DEFAULT_BACKOFF)).toBe(30000);
  });

  it('draws each delay from [cap/2, cap]', () => {
    const policy = { baseMs: 100, factor: 3, maxMs: 1000 };
    expect(backoffDelay(1, policy, () => 0)).toBe(50);
    expect(backoffDelay(1, policy, () => 0.999999)).toBe(100);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(225);
    expect(backoffDelay(5, policy, () => 0)).toBe(500);
    for (let i = 0; i < 200; i++) {
      const delay = backoffDelay(3, policy, Math.random);
      expect(delay).toBeGreaterThanOrEqual(450);
      expect(delay).toBeLessThanOrEqual(900);
    }
  });

  it('rejects a policy that cannot work', () => {
    expect(resolveBackoff({ baseMs: 10 })).toEqual({ baseMs: 10, factor: 2, maxMs: 30000 });
    expect(() => resolveBackoff({ baseMs: 0 })).toThrow(/baseMs/);
    expect(() => resolveBackoff({ factor: 0.5 })).toThrow(/factor/);
    expect(() => resolveBackoff({ baseMs: 1000, maxMs: 10 })).toThrow(/maxMs/);
  });
});

describe('a session follows its backoff schedule', () => {
  it('draws each retry delay from the injected randomness: lowest, then highest of each step', async () => {
    const server = await listenLoopback();
    const port = server.port;
    await server.close(); // nothing listens: every connect is refused
    const draws = [0, 0.999999, 0, 0.999999, 0];
    const session = new HeartbeatSession({ host: '127.0.0.1', port }, {
      mode: { kind: 'passive' },
      backoff: { baseMs: 20, factor: 2, maxMs: 100 },
      clock: { random: () => draws.shift() ?? 0 },
    });
    const retries: RetryingEvent[] = [];
    const done = new Promise<void>((resolve) => {
      session.on('retrying', (event) => {
        retries.push(event);
        if (retries.length === 5) resolve();
      });
    });
    session.start();
    try {
      await done;
    } finally {
      session.stop();
    }
    expect(retries.map((event) => [event.attempt, event.delayMs])).toEqual([[1, 10], [2, 40], [3, 40], [4, 100], [5, 50]]);
    expect(retries.every((event) => event.cause.failure.class === 'refused')).toBe(true);
  });
});
