/** Mean and spread of a set of samples. */

/** Arithmetic mean; `undefined` for no samples. */
export function mean(samples: readonly number[]): number | undefined {
  if (samples.length === 0) return undefined;
  let sum = 0;
  for (const value of samples) sum += value;
  return sum / samples.length;
}

/**
 * Population standard deviation (divides by n, like ping's `mdev`): the spread of the
 * samples actually measured, not an estimate for a larger population. 0 for one sample,
 * `undefined` for none. Two passes, so large offsets do not cancel out precision.
 */
export function stddev(samples: readonly number[]): number | undefined {
  const average = mean(samples);
  if (average === undefined) return undefined;
  let squares = 0;
  for (const value of samples) squares += (value - average) ** 2;
  return Math.sqrt(squares / samples.length);
}
