/**
 * A mergeable latency sketch: fixed logarithmic buckets (ratio γ = 1.02) over microseconds,
 * so any quantile is returned within ±1 % relative error (α = (γ−1)/(γ+1) ≈ 0.99 %) of a
 * value of the right rank. Buckets are fixed, so merging is adding counts: minutes merge into
 * hours, hours into any range, with no loss beyond the bucket error.
 */
import { VarintReader, VarintWriter } from './varint.ts';

const GAMMA = 1.02;
const LOG_GAMMA = Math.log(GAMMA);
/** Bucket 0 holds 0 µs; bucket k ≥ 1 holds (γ^(k−2), γ^(k−1)] µs. */
export const SKETCH_BUCKETS = 1200;
/** Worst relative error of a quantile read from the sketch. */
export const SKETCH_RELATIVE_ERROR = (GAMMA - 1) / (GAMMA + 1);
const FORMAT_VERSION = 1;

export function bucketOf(micros: number): number {
  if (!(micros >= 1)) return micros > 0 ? 1 : 0;
  const k = Math.ceil(Math.log(micros) / LOG_GAMMA - 1e-9) + 1;
  return Math.min(SKETCH_BUCKETS - 1, k);
}

/** The value that represents a bucket: within α of every value the bucket can hold. */
export function bucketValue(bucket: number): number {
  if (bucket === 0) return 0;
  return (2 * GAMMA ** (bucket - 1)) / (GAMMA + 1);
}

export class LatencySketch {
  readonly counts = new Float64Array(SKETCH_BUCKETS);
  total = 0;
  /** The range of buckets that may be non-empty: loops stay short (latencies cluster in a few dozen buckets). */
  private lo = SKETCH_BUCKETS;
  private hi = -1;

  add(micros: number, count = 1): void {
    this.addToBucket(bucketOf(micros), count);
  }

  merge(other: LatencySketch): void {
    if (other.total === 0) return;
    for (let i = other.lo; i <= other.hi; i++) {
      const count = other.counts[i]!;
      if (count !== 0) this.addToBucket(i, count);
    }
  }

  /** Adds an encoded sketch without materialising it. */
  mergeEncoded(blob: Uint8Array): void {
    const reader = new VarintReader(blob);
    if (reader.done) return;
    const version = reader.read();
    if (version !== FORMAT_VERSION) throw new Error(`Unknown sketch format ${version}.`);
    let bucket = 0;
    while (!reader.done) {
      bucket += reader.read();
      const count = reader.read();
      if (bucket >= SKETCH_BUCKETS) throw new RangeError(`sketch bucket ${bucket} out of range`);
      this.addToBucket(bucket, count);
    }
  }

  private addToBucket(bucket: number, count: number): void {
    this.counts[bucket]! += count;
    this.total += count;
    if (bucket < this.lo) this.lo = bucket;
    if (bucket > this.hi) this.hi = bucket;
  }

  /**
   * The value at quantile q (0..1) in microseconds, nearest-rank on q·(n−1); undefined when
   * empty. `min`/`max` (exact, kept beside the sketch) clamp the estimate.
   */
  quantile(q: number, min?: number, max?: number): number | undefined {
    if (this.total === 0) return undefined;
    const rank = Math.min(this.total - 1, Math.max(0, Math.round(q * (this.total - 1))));
    let seen = 0;
    let value = 0;
    for (let i = this.lo; i <= this.hi; i++) {
      seen += this.counts[i]!;
      if (seen > rank) {
        value = bucketValue(i);
        break;
      }
    }
    if (min !== undefined && value < min) value = min;
    if (max !== undefined && value > max) value = max;
    return value;
  }

  /** Sparse encoding: a version byte, then (bucket delta, count) varint pairs for non-empty buckets. */
  encode(): Uint8Array {
    const writer = new VarintWriter();
    writer.write(FORMAT_VERSION);
    let previous = 0;
    for (let i = this.lo; i <= this.hi; i++) {
      const count = this.counts[i]!;
      if (count === 0) continue;
      writer.write(i - previous);
      writer.write(count);
      previous = i;
    }
    return writer.finish();
  }

  static decode(blob: Uint8Array): LatencySketch {
    const sketch = new LatencySketch();
    sketch.mergeEncoded(blob);
    return sketch;
  }
}
