/**
 * Percentiles by linear interpolation between closest ranks (Hyndman & Fan type 7: the
 * default of numpy, R and spreadsheets' PERCENTILE.INC). For samples sorted ascending
 * x[0..n-1], the p-quantile is at rank h = (n − 1)·p, interpolated between x[⌊h⌋] and x[⌈h⌉].
 * So the median of an even count is the mean of the two middle values, p0 is the min and
 * p100 the max.
 */

/** The p-th percentile (0–100) of samples already sorted ascending; `undefined` for no samples. */
export function percentileSorted(sorted: readonly number[], p: number): number | undefined {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0-100, got ${p}`);
  if (sorted.length === 0) return undefined;
  const rank = ((sorted.length - 1) * p) / 100;
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const low = sorted[lower]!;
  const high = sorted[upper]!;
  return low + (high - low) * (rank - lower);
}

/** The p-th percentile (0–100) of samples in any order; `undefined` for no samples. */
export function percentile(samples: readonly number[], p: number): number | undefined {
  return percentileSorted(sortAscending(samples), p);
}

/** The median (the 50th percentile, interpolated); `undefined` for no samples. */
export function median(samples: readonly number[]): number | undefined {
  return percentile(samples, 50);
}

/** A sorted copy; the input is left alone. */
export function sortAscending(samples: readonly number[]): number[] {
  return [...samples].sort((a, b) => a - b);
}
