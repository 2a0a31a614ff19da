import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Scheduler, type Job } from '../../../src-main/core/monitor/scheduler.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A job that records its start times and takes `durationMs` of (fake) time. */
function job(id: number, intervalMs: number, durationMs = 0, log: number[] = []): Job & { starts: number[] } {
  const starts = log;
  return {
    id,
    intervalMs,
    starts,
    run: (signal) =>
      new Promise<void>((resolve) => {
        starts.push(performance.now());
        const timer = setTimeout(resolve, durationMs);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}

describe('scheduler', () => {
  it('spreads first runs of many jobs over the interval', async () => {
    const scheduler = new Scheduler();
    const starts: number[] = [];
    for (let id = 1; id <= 1000; id++) scheduler.add(job(id, 1000, 0, starts));
    await vi.advanceTimersByTimeAsync(999);
    expect(starts).toHaveLength(1000);
    const perMs = new Map<number, number>();
    for (const t of starts) perMs.set(Math.floor(t), (perMs.get(Math.floor(t)) ?? 0) + 1);
    expect(Math.max(...perMs.values())).toBeLessThanOrEqual(3);
    expect(perMs.size).toBeGreaterThan(600);
    await scheduler.stop();
  });

  it('runs every interval, subtracting the time the run took', async () => {
    const scheduler = new Scheduler();
    const probe = job(1, 1000, 300);
    scheduler.add(probe, { immediate: true });
    await vi.advanceTimersByTimeAsync(3500);
    expect(probe.starts.map(Math.round)).toEqual([0, 1000, 2000, 3000]);
    await scheduler.stop();
  });

  it('never overlaps a slow run with the next one, and does not burst to catch up', async () => {
    const scheduler = new Scheduler();
    let running = 0;
    let maxRunning = 0;
    const starts: number[] = [];
    scheduler.add(
      {
        id: 1,
        intervalMs: 1000,
        run: () => {
          starts.push(performance.now());
          running++;
          maxRunning = Math.max(maxRunning, running);
          return new Promise((resolve) => setTimeout(() => { running--; resolve(); }, 2500));
        },
      },
      { immediate: true },
    );
    await vi.advanceTimersByTimeAsync(8000);
    expect(maxRunning).toBe(1);
    expect(starts.map(Math.round)).toEqual([0, 2500, 5000, 7500]);
    const stopping = scheduler.stop(); // this job ignores the abort: stop waits for it to finish
    await vi.advanceTimersByTimeAsync(2500);
    await stopping;
  });

  it('caps runs in flight across jobs and reports the slip of queued runs', async () => {
    const slips: number[] = [];
    const scheduler = new Scheduler({ concurrency: 3, onSlip: (slip) => slips.push(slip) });
    let running = 0;
    let maxRunning = 0;
    for (let id = 1; id <= 9; id++) {
      scheduler.add(
        { id, intervalMs: 10_000, run: () => { running++; maxRunning = Math.max(maxRunning, running); return new Promise((resolve) => setTimeout(() => { running--; resolve(); }, 100)); } },
        { immediate: true },
      );
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(maxRunning).toBe(3);
    expect(slips).toHaveLength(9);
    expect(Math.max(...slips)).toBeGreaterThanOrEqual(200);
    await scheduler.stop();
  });

  it('probe-now runs at once, or right after a run in flight, and the chain continues from then', async () => {
    const scheduler = new Scheduler();
    const probe = job(1, 10_000, 500);
    scheduler.add(probe, { immediate: true });
    await vi.advanceTimersByTimeAsync(100);
    scheduler.runNow(1); // in flight: queued as a re-run
    await vi.advanceTimersByTimeAsync(2000);
    scheduler.runNow(1); // idle: runs now
    await vi.advanceTimersByTimeAsync(1);
    expect(probe.starts.map(Math.round)).toEqual([0, 500, 2100]);
    await scheduler.stop();
  });

  it('aborts the run in flight on remove and on stop, and schedules nothing after', async () => {
    const scheduler = new Scheduler();
    const signals: AbortSignal[] = [];
    scheduler.add({ id: 1, intervalMs: 1000, run: (signal) => { signals.push(signal); return new Promise((resolve) => signal.addEventListener('abort', () => resolve())); } }, { immediate: true });
    await vi.advanceTimersByTimeAsync(1);
    const stopping = scheduler.stop();
    await vi.advanceTimersByTimeAsync(1);
    await stopping;
    expect(signals[0]?.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(5000);
    expect(signals).toHaveLength(1);
    expect(() => scheduler.add(job(2, 1000))).toThrow(/stopped/);
  });

  it('keeps the chain going when a run throws', async () => {
    const scheduler = new Scheduler();
    let runs = 0;
    scheduler.add({ id: 1, intervalMs: 1000, run: async () => { runs++; throw new Error('bug'); } }, { immediate: true });
    await vi.advanceTimersByTimeAsync(2500);
    expect(runs).toBe(3);
    await scheduler.stop();
  });
});
