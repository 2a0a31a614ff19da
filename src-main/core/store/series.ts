/**
 * Time series for charts: the finest resolution (raw, minute or hour) that both keeps the
 * point count within `maxPoints` and still has data for the range under the retention
 * settings. Each point aggregates one bucket; long ranges never touch raw samples.
 */
import type { FailureClass } from '../classify/failure-classes.ts';
import { Rollup } from './rollup.ts';
import { RESOLUTION_MS, type RollupResolution, type RollupTables } from './rollup-tables.ts';
import type { SampleReader } from './sample-reader.ts';
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

/** Picks the resolution and bucket width for a range; exported for tests and the UI's labels. */
export function planSeries(fromMs: number, toMs: number, maxPoints: number, retention: Retention, now: number): SeriesPlan {
  const points = Math.max(1, Math.floor(maxPoints));
  const span = Math.max(1, toMs - fromMs);
  const rawFrom = now - retention.rawDays * DAY_MS;
  const minuteFrom = now - retention.minuteDays * DAY_MS;
  if (span / points < RESOLUTION_MS.minute && fromMs >= rawFrom) {
    return { resolution: 'raw', startMs: fromMs, bucketMs: Math.max(1, Math.ceil(span / points)) };
  }
  const resolution: RollupResolution = span / points < RESOLUTION_MS.hour && fromMs >= minuteFrom ? 'minute' : 'hour';
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
  let rollup = new Rollup();
  let latencies: number[] = [];
  const close = (): void => {
    if (rollup.count > 0) points.push(exactPoint(plan.startMs + bucket * plan.bucketMs, rollup, latencies));
  };
  for (const sample of samples.lean(endpointId, plan.startMs, toMs)) {
    const index = Math.floor((sample.ts - plan.startMs) / plan.bucketMs);
    if (index !== bucket) {
      close();
      bucket = index;
      rollup = new Rollup();
      latencies = [];
    }
    rollup.add(sample);
    if (sample.latencyUs !== undefined) latencies.push(sample.latencyUs);
  }
  close();
  return points;
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

function exactPoint(ts: number, rollup: Rollup, latencies: number[]): SeriesPoint {
  latencies.sort((a, b) => a - b);
  const at = (q: number): number | null => {
    const value = latencies[Math.round(q * (latencies.length - 1))];
    return value === undefined ? null : value / 1000;
  };
  return { ...counts(ts, rollup), minMs: at(0), p5Ms: at(0.05), medianMs: at(0.5), p95Ms: at(0.95), maxMs: at(1), meanMs: mean(rollup) };
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
