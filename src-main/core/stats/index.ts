/** Pure statistics over latency samples and attempt counts. */
export { meanConsecutiveDifference, nextRfc3550Jitter, rfc3550Jitter } from './jitter.ts';
export { summarizeLatency, type LatencySummary } from './latency-summary.ts';
export { lossPercent } from './loss.ts';
export { mean, stddev } from './moments.ts';
export { median, percentile, percentileSorted, sortAscending } from './percentile.ts';
