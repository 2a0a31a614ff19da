/** The latency figures every view shows for a set of successful attempts. */
import { meanConsecutiveDifference } from './jitter.ts';
import { mean, stddev } from './moments.ts';
import { percentileSorted, sortAscending } from './percentile.ts';

/** Latency statistics in milliseconds over `count` samples. */
export interface LatencySummary {
  readonly count: number;
  readonly min: number;
  readonly avg: number;
  /** 50th percentile, linear interpolation (see percentile.ts). */
  readonly median: number;
  /** 95th percentile, linear interpolation (see percentile.ts). */
  readonly p95: number;
  readonly max: number;
  /** Population standard deviation. */
  readonly stddev: number;
  /** Mean absolute difference of consecutive samples, in measurement order. */
  readonly jitter: number;
}

/** Summarises latencies given in measurement order; `null` when there are none. */
export function summarizeLatency(samples: readonly number[]): LatencySummary | null {
  if (samples.length === 0) return null;
  const sorted = sortAscending(samples);
  return {
    count: samples.length,
    min: sorted[0]!,
    avg: mean(samples)!,
    median: percentileSorted(sorted, 50)!,
    p95: percentileSorted(sorted, 95)!,
    max: sorted[sorted.length - 1]!,
    stddev: stddev(samples)!,
    jitter: meanConsecutiveDifference(samples),
  };
}
