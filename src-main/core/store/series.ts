/**
 * Time series for charts: raw, minute or hour resolution, chosen so the point count stays
 * within `maxPoints` and the level still has data for the range under the retention settings. Each point aggregates one bucket; long ranges never touch raw samples.
 */
import type { FailureClass } from '../classify/failure-classes.ts';
import { classFromCode, FAILURE_CLASS_CODES } from './codes.ts';
import { Rollup } from './rollup.ts';
import { RESOLUTION_MS, type RollupResolution, type RollupTables } from './rollup-tables.ts';
import type { LeanSample, SampleReader } from './sample-reader.ts';
import type { Retention } from './settings-repo.ts';

const DAY_MS = 86_400_000;

export type SeriesResolution = 'raw' | RollupResolution;

export interface SeriesPoint {
  /** Start of the bucket, ms since the epoch. */
  readonly ts: number;
  readonly count: number;
  /** Conclusive successes. */
  readonly ok: number;
  /** Conclusive failures. */
  readonly failed: number;
  readonly inconclusive: number;
  /** Latency of ok samples in ms; null when the bucket has none. Raw buckets are exact, rollup percentiles within ±1 %. */
  readonly minMs: number | null;
  readonly p5Ms: number | null;
  readonly medianMs: number | null;
  readonly p95Ms: number | null;
  readonly maxMs: number | null;
  readonly meanMs: number | null;
  /** Conclusive failures per class, only the classes seen. */
  readonly failures: Partial<Record<FailureClass, number>>;
}

export interface Series {
  readonly endpointId: number;
  readonly fromMs: number;
  readonly toMs: number;
  readonly resolution: SeriesResolution;
  readonly bucketMs: number;
  /** Non-empty buckets only, oldest first. */
  readonly points: readonly SeriesPoint[];
}

export interface SeriesSources {
  readonly samples: SampleReader;
  readonly rollups: RollupTables;
  readonly retention: () => Retention;
  readonly now: () => number;
}

export interface SeriesPlan {
  readonly resolution: SeriesResolution;
  /** Where bucket 0 starts. */
  readonly startMs: number;
  readonly bucketMs: number;
}

/**
 * Picks the resolution and bucket width for a range; exported for tests and the UI's labels.
 * A rollup level is used as soon as it still yields at least half the points asked for (the
 * needed bucket width is ≥ half its step): 60 s buckets instead of 43 s ones look the same on a
 * chart, and cost ~100× fewer rows than aggregating raw samples.
 */
export function planSeries(fromMs: number, toMs: number, maxPoints: number, retention: Retention, now: number): SeriesPlan {
  const points = Math.max(1, Math.floor(maxPoints));
  const span = Math.max(1, toMs - fromMs);
  const width = span / points;
  const rawFrom = now - retention.rawDays * DAY_MS;
  const minuteFrom = now - retention.minuteDays * DAY_MS;
  if (width < RESOLUTION_MS.minute / 2 && fromMs >= rawFrom) {
    return { resolution: 'raw', startMs: fromMs, bucketMs: Math.max(1, Math.ceil(width)) };
  }
  const resolution: RollupResolution = width < RESOLUTION_MS.hour / 2 && fromMs >= minuteFrom ? 'minute' : 'hour';
  const step = RESOLUTION_MS[resolution];
  const startMs = Math.floor(fromMs / step) * step;
  const bucketMs = Math.max(1, Math.ceil((toMs - startMs) / points / step)) * step;
  return { resolution, startMs, bucketMs };
}

export function querySeries(sources: SeriesSources, endpointId: number, fromMs: number, toMs: number, maxPoints: number): Series {
  const plan = planSeries(fromMs, toMs, maxPoints, sources.retention(), sources.now());
  const base = { endpointId, fromMs, toMs, resolution: plan.resolution, bucketMs: plan.bucketMs };
  if (toMs <= fromMs) return { ...base, points: [] };
  const points = plan.resolution === 'raw'
    ? rawPoints(sources.samples, endpointId, plan, toMs)
    : rollupPoints(sources.rollups, plan.resolution, endpointId, plan, toMs);
  return { ...base, points };
}

function rawPoints(samples: SampleReader, endpointId: number, plan: SeriesPlan, toMs: number): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  let bucket = -1;
  let current = new RawBucket();
  samples.forEachLean(endpointId, plan.startMs, toMs, (sample) => {
    const index = Math.floor((sample.ts - plan.startMs) / plan.bucketMs);
    if (index !== bucket) {
      if (current.count > 0) points.push(current.point(plan.startMs + bucket * plan.bucketMs));
      bucket = index;
      current = new RawBucket();
    }
    current.add(sample);
  });
  if (current.count > 0) points.push(current.point(plan.startMs + bucket * plan.bucketMs));
  return points;
}

/** One raw bucket: exact latencies, no sketch (a Rollup's 1,200 sketch counters per bucket would dominate the cost). */
class RawBucket {
  count = 0;
  ok = 0;
  inconclusive = 0;
  readonly latencies: number[] = [];
  private sum = 0;
  private readonly failures = new Map<number, number>();

  add(sample: LeanSample): void {
    this.count++;
    if (sample.inconclusive) this.inconclusive++;
    else if (sample.ok) this.ok++;
    else {
      const code = sample.failureCode ?? FAILURE_CLASS_CODES.other;
      this.failures.set(code, (this.failures.get(code) ?? 0) + 1);
    }
    if (sample.latencyUs !== undefined) {
      this.latencies.push(sample.latencyUs);
      this.sum += sample.latencyUs;
    }
  }

  point(ts: number): SeriesPoint {
    const sorted = this.latencies.sort((a, b) => a - b);
    const at = (q: number): number | null => {
      const value = sorted[Math.round(q * (sorted.length - 1))];
      return value === undefined ? null : value / 1000;
    };
    const failures: Partial<Record<FailureClass, number>> = {};
    for (const [code, count] of this.failures) {
      const name = classFromCode(code);
      failures[name] = (failures[name] ?? 0) + count;
    }
    return {
      ts,
      count: this.count,
      ok: this.ok,
      failed: this.count - this.ok - this.inconclusive,
      inconclusive: this.inconclusive,
      failures,
      minMs: at(0),
      p5Ms: at(0.05),
      medianMs: at(0.5),
      p95Ms: at(0.95),
      maxMs: at(1),
      meanMs: sorted.length > 0 ? this.sum / sorted.length / 1000 : null,
    };
  }
}

function rollupPoints(rollups: RollupTables, resolution: RollupResolution, endpointId: number, plan: SeriesPlan, toMs: number): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  let bucket = -1;
  let rollup = new Rollup();
  const close = (): void => {
    if (rollup.count > 0) points.push(sketchPoint(plan.startMs + bucket * plan.bucketMs, rollup));
  };
  for (const row of rollups.range(resolution, endpointId, plan.startMs, toMs)) {
    const index = Math.floor((row.ts - plan.startMs) / plan.bucketMs);
    if (index !== bucket) {
      close();
      bucket = index;
      rollup = new Rollup();
    }
    rollup.mergeRow(row);
  }
  close();
  return points;
}

function sketchPoint(ts: number, rollup: Rollup): SeriesPoint {
  const at = (q: number): number | null => {
    const value = rollup.quantileUs(q);
    return value === undefined ? null : value / 1000;
  };
  const hasLatency = rollup.latencyCount > 0;
  return {
    ...counts(ts, rollup),
    minMs: hasLatency ? rollup.latencyMin / 1000 : null,
    p5Ms: at(0.05),
    medianMs: at(0.5),
    p95Ms: at(0.95),
    maxMs: hasLatency ? rollup.latencyMax / 1000 : null,
    meanMs: mean(rollup),
  };
}

function counts(ts: number, rollup: Rollup): Pick<SeriesPoint, 'ts' | 'count' | 'ok' | 'failed' | 'inconclusive' | 'failures'> {
  return { ts, count: rollup.count, ok: rollup.ok, failed: rollup.failed, inconclusive: rollup.inconclusive, failures: rollup.failureCounts() };
}

function mean(rollup: Rollup): number | null {
  return rollup.latencyCount > 0 ? rollup.latencySum / rollup.latencyCount / 1000 : null;
}
