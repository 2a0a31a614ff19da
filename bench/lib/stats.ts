/** Order statistics for benchmark samples. */

/** Sorted copy of the first `count` values, for several quantiles over one sort. */
export function sortedCopy(values: Float64Array | readonly number[], count = values.length): Float64Array {
  return Float64Array.from(values.slice(0, count)).sort();
}

/** The q-quantile (0..1) of already sorted values, nearest-rank; NaN when empty. */
export function quantileSorted(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** The median of a few values (e.g. per-round figures). */
export function median(values: readonly number[]): number {
  return quantileSorted(sortedCopy(values), 0.5);
}

/** A growable buffer of numbers that allocates rarely while a benchmark is hot. */
export class Samples {
  #values = new Float64Array(1 << 16);
  #count = 0;

  get count(): number {
    return this.#count;
  }

  push(value: number): void {
    if (this.#count === this.#values.length) {
      const grown = new Float64Array(this.#values.length * 2);
      grown.set(this.#values);
      this.#values = grown;
    }
    this.#values[this.#count++] = value;
  }

  /** Appends every value of another buffer. */
  append(other: Samples): void {
    for (const value of other.sorted()) this.push(value);
  }

  /** A sorted copy of the values. */
  sorted(): Float64Array {
    return this.#values.slice(0, this.#count).sort();
  }
}
