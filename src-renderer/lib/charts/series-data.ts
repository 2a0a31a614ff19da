/**
 * What the detail charts plot, computed from a server-aggregated series: latency bands
 * (min–max, p5–p95, median), failure marks per class, and failure counts per class in a few
 * dozen bins. Pure (no chart library), so it is tested on its own.
 */
import { FAILURE_CLASSES, type FailureClass } from '../../../src-main/core/classify/failure-classes.ts';
import type { SeriesPointDto } from '../../../src-main/ipc/dto.ts';

/** A chart point; `y` is NaN where there is nothing to draw (a gap). */
export interface XY {
  readonly x: number;
  readonly y: number;
}

export interface LatencyBands {
  readonly min: XY[];
  readonly p5: XY[];
  readonly median: XY[];
  readonly p95: XY[];
  readonly max: XY[];
}

/**
 * One line per statistic; buckets without a success are gaps in every line, and so is a
 * stretch longer than `gapMs` without any bucket (the server sends non-empty buckets only).
 */
export function latencyBands(points: readonly SeriesPointDto[], gapMs = Infinity): LatencyBands {
  const line = (pick: (point: SeriesPointDto) => number | null): XY[] => {
    const out: XY[] = [];
    let previous: number | undefined;
    for (const point of points) {
      if (previous !== undefined && point.ts - previous > gapMs) out.push({ x: previous + 1, y: Number.NaN });
      out.push({ x: point.ts, y: pick(point) ?? Number.NaN });
      previous = point.ts;
    }
    return out;
  };
  return {
    min: line((p) => p.min),
    p5: line((p) => p.p5),
    median: line((p) => p.median),
    p95: line((p) => p.p95),
    max: line((p) => p.max),
  };
}

export interface ClassSeries {
  readonly failureClass: FailureClass;
  /** Bucket starts with at least one failure of the class, and how many. */
  readonly points: readonly { readonly x: number; readonly count: number }[];
  readonly total: number;
}

/** Failures of each class present in the series, in taxonomy order. */
export function failureMarks(points: readonly SeriesPointDto[]): ClassSeries[] {
  const byClass = new Map<FailureClass, { x: number; count: number }[]>();
  for (const point of points) {
    for (const [failureClass, count] of Object.entries(point.failures) as [FailureClass, number | undefined][]) {
      if (!count) continue;
      let list = byClass.get(failureClass);
      if (!list) byClass.set(failureClass, (list = []));
      list.push({ x: point.ts, count });
    }
  }
  return FAILURE_CLASSES.flatMap((failureClass) => {
    const list = byClass.get(failureClass);
    return list ? [{ failureClass, points: list, total: list.reduce((sum, point) => sum + point.count, 0) }] : [];
  });
}

export interface FailureBins {
  /** Start of each bin. */
  readonly starts: readonly number[];
  readonly binMs: number;
  /** Counts per class, one per bin (classes with no failure are left out). */
  readonly counts: readonly { readonly failureClass: FailureClass; readonly values: readonly number[]; readonly total: number }[];
}

/**
 * Regroups the series' buckets into at most `maxBins` bins over [from, to), each a whole
 * number of buckets wide, for a stacked bar chart that stays readable at any range.
 */
export function failureBins(points: readonly SeriesPointDto[], from: number, to: number, bucketMs: number, maxBins: number): FailureBins {
  const span = Math.max(1, to - from);
  const bucket = Math.max(1, bucketMs);
  const binMs = Math.ceil(span / maxBins / bucket) * bucket;
  const first = Math.floor(from / binMs) * binMs;
  const binCount = Math.max(1, Math.ceil((to - first) / binMs));
  const starts = Array.from({ length: binCount }, (_, index) => first + index * binMs);
  const counts = failureMarks(points).map(({ failureClass, points: marks, total }) => {
    const values = new Array<number>(binCount).fill(0);
    for (const mark of marks) {
      const index = Math.min(binCount - 1, Math.max(0, Math.floor((mark.x - first) / binMs)));
      values[index] = (values[index] ?? 0) + mark.count;
    }
    return { failureClass, values, total };
  });
  return { starts, binMs, counts };
}

/** Samples, successes and failures over the whole series. */
export function seriesTotals(points: readonly SeriesPointDto[]): { readonly samples: number; readonly ok: number; readonly failed: number } {
  let samples = 0;
  let ok = 0;
  let inconclusive = 0;
  for (const point of points) {
    samples += point.count;
    ok += point.ok;
    inconclusive += point.inconclusive;
  }
  return { samples, ok, failed: samples - ok - inconclusive };
}
