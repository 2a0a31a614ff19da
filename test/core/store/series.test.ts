import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src-main/core/store/index.ts';
import { planSeries } from '../../../src-main/core/store/series.ts';
import { SKETCH_RELATIVE_ERROR } from '../../../src-main/core/store/sketch.ts';
import { DAY, failedSample, HOUR, MINUTE, okSample, prng, T0, tempDir, testStore, type TempDir } from './helpers.ts';

const RETENTION = { rawDays: 14, minuteDays: 90, hourDays: 730 };

describe('planSeries', () => {
  const now = T0 + 100 * DAY;

  it('picks raw, minute or hour by the bucket width the point budget needs', () => {
    expect(planSeries(now - 10 * MINUTE, now, 1000, RETENTION, now)).toEqual({ resolution: 'raw', startMs: now - 10 * MINUTE, bucketMs: 600 });
    expect(planSeries(now - DAY, now, 500, RETENTION, now)).toEqual({ resolution: 'minute', startMs: now - DAY, bucketMs: 3 * MINUTE });
    expect(planSeries(now - 30 * DAY, now, 500, RETENTION, now)).toEqual({ resolution: 'hour', startMs: now - 30 * DAY, bucketMs: 2 * HOUR });
  });

  it('takes a rollup level once it yields at least half the points asked for', () => {
    expect(planSeries(now - DAY, now, 2000, RETENTION, now)).toMatchObject({ resolution: 'minute', bucketMs: MINUTE }); // 1440 points
    expect(planSeries(now - DAY, now, 3000, RETENTION, now)).toMatchObject({ resolution: 'raw', bucketMs: 28_800 });
    expect(planSeries(now - 30 * DAY, now, 1000, RETENTION, now)).toMatchObject({ resolution: 'hour', bucketMs: HOUR }); // 720 points
    expect(planSeries(now - 30 * DAY, now, 1500, RETENTION, now)).toMatchObject({ resolution: 'minute', bucketMs: 29 * MINUTE });
  });

  it('falls back to a coarser resolution when the finer one is past its retention', () => {
    expect(planSeries(now - 20 * DAY, now - 20 * DAY + HOUR, 1000, RETENTION, now).resolution).toBe('minute');
    expect(planSeries(now - 95 * DAY, now - 95 * DAY + HOUR, 1000, RETENTION, now).resolution).toBe('hour');
  });

  it('never plans more buckets than maxPoints', () => {
    const random = prng(3);
    for (let i = 0; i < 2000; i++) {
      const from = now - Math.floor(random() * 60 * DAY);
      const to = from + 1 + Math.floor(random() * random() * 60 * DAY);
      const maxPoints = 1 + Math.floor(random() * 3000);
      const plan = planSeries(from, to, maxPoints, RETENTION, now);
      expect(plan.startMs).toBeLessThanOrEqual(from);
      expect(Math.ceil((to - plan.startMs) / plan.bucketMs)).toBeLessThanOrEqual(maxPoints);
    }
  });
});

describe('series', () => {
  let dir: TempDir;
  let store: Store;
  /** Two hours of 1 s samples: latency 10.0…19.9 ms cycling, a refused sample every 100 s. */
  const latencyAt = (i: number): number => 10 + (i % 100) / 10;
  beforeEach(() => {
    dir = tempDir();
    ({ store } = testStore(dir.file('synack.db'), { nowMs: T0 + 3 * HOUR }));
    for (let i = 0; i < 7200; i++) {
      store.writer.add(i % 100 === 99 ? failedSample(1, T0 + i * 1000, 'refused', 'ECONNREFUSED') : okSample(1, T0 + i * 1000, latencyAt(i)));
    }
    store.writer.flush();
  });
  afterEach(() => {
    store.close();
    dir.remove();
  });

  it('aggregates raw samples into exact buckets for short ranges', () => {
    const series = store.series(1, T0, T0 + 10 * MINUTE, 60);
    expect(series).toMatchObject({ resolution: 'raw', bucketMs: 10_000 });
    expect(series.points).toHaveLength(60);
    expect(series.points[0]).toEqual({
      ts: T0, count: 10, ok: 10, failed: 0, inconclusive: 0, failures: {},
      minMs: 10, p5Ms: 10, medianMs: 10.5, p95Ms: 10.9, maxMs: 10.9, meanMs: 10.45,
    });
    expect(series.points[9]).toMatchObject({ ts: T0 + 90_000, count: 10, ok: 9, failed: 1, failures: { refused: 1 }, maxMs: 19.8 });
  });

  it('reads minute rollups for a day-scale budget and hour rollups for coarse ones', () => {
    const minutes = store.series(1, T0, T0 + 2 * HOUR, 100);
    expect(minutes).toMatchObject({ resolution: 'minute', bucketMs: 2 * MINUTE });
    expect(minutes.points).toHaveLength(60);
    expect(minutes.points.every((p) => p.count === 120)).toBe(true);
    expect(minutes.points.reduce((sum, p) => sum + p.failed, 0)).toBe(72);

    const hours = store.series(1, T0, T0 + 2 * HOUR, 1);
    expect(hours).toMatchObject({ resolution: 'hour', bucketMs: 2 * HOUR });
    expect(hours.points).toHaveLength(1);
    const [point] = hours.points;
    expect(point).toMatchObject({ ts: T0, count: 7200, ok: 7128, failed: 72, failures: { refused: 72 }, minMs: 10, maxMs: 19.8 });
    // Known distribution: 10.0…19.8 ms (19.9 is always the refused slot), uniform.
    expect(Math.abs(point!.medianMs! - 14.9) / 14.9).toBeLessThanOrEqual(SKETCH_RELATIVE_ERROR + 0.005);
    expect(point!.meanMs).toBeCloseTo(14.9, 6);
  });

  it('returns no points for an empty or inverted range', () => {
    expect(store.series(1, T0 + 5 * HOUR, T0 + 6 * HOUR, 100).points).toEqual([]);
    expect(store.series(1, T0 + HOUR, T0, 100).points).toEqual([]);
    expect(store.series(99, T0, T0 + HOUR, 100).points).toEqual([]);
  });
});
