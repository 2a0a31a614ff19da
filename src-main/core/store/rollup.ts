/**
 * A rollup: everything a minute, an hour or any range of samples is summarised by, in a form
 * that merges exactly (counts, sums, min/max, jitter sums) or within the sketch's bound
 * (percentiles). Latencies are held in integer microseconds.
 */
import type { FailureClass } from '../classify/failure-classes.ts';
import { classFromCode, FAILURE_CLASS_CODES, FAILURE_CODE_LIMIT } from './codes.ts';
import { LatencySketch } from './sketch.ts';
import { VarintReader, VarintWriter } from './varint.ts';

/** What a rollup needs from one sample. */
export interface RollupInput {
  readonly ok: boolean;
  readonly inconclusive: boolean;
  /** Latency in µs (ok samples). */
  readonly latencyUs: number | undefined;
  /** FAILURE_CLASS_CODES value of a failure (undefined reads as `other`). */
  readonly failureCode: number | undefined;
  readonly synRetransmits: number;
}

/** One row of a rollup table, as stored. */
export interface RollupRow {
  readonly n: number;
  readonly ok: number;
  readonly inconclusive: number;
  readonly syn: number;
  readonly lat_n: number;
  readonly lat_min: number | null;
  readonly lat_max: number | null;
  readonly lat_sum: number;
  readonly jitter_sum: number;
  readonly jitter_n: number;
  readonly sketch: Uint8Array | null;
  readonly failures: Uint8Array | null;
}

export class Rollup {
  /** All samples, inconclusive ones included. */
  count = 0;
  /** Conclusive successes (the uptime numerator). */
  ok = 0;
  inconclusive = 0;
  /** Samples whose connect time suggests a lost SYN. */
  synRetransmits = 0;
  latencyCount = 0;
  latencyMin = Infinity;
  latencyMax = -Infinity;
  latencySum = 0;
  /** Σ|Δ| of consecutive ok latencies (µs) and how many Δ: mergeable, the mean is the jitter. */
  jitterSum = 0;
  jitterCount = 0;
  readonly sketch = new LatencySketch();
  /** Conclusive failures per class code (dense, indexed by FAILURE_CLASS_CODES). */
  readonly failures = new Float64Array(FAILURE_CODE_LIMIT);

  get failed(): number {
    return this.count - this.ok - this.inconclusive;
  }

  add(sample: RollupInput): void {
    this.count++;
    if (sample.inconclusive) this.inconclusive++;
    else if (sample.ok) this.ok++;
    else {
      const code = sample.failureCode;
      this.failures[code !== undefined && code < FAILURE_CODE_LIMIT ? code : FAILURE_CLASS_CODES.other]!++;
    }
    if (sample.synRetransmits > 0) this.synRetransmits++;
    if (sample.ok && sample.latencyUs !== undefined) this.addLatency(sample.latencyUs);
  }

  addLatency(micros: number): void {
    this.latencyCount++;
    this.latencySum += micros;
    if (micros < this.latencyMin) this.latencyMin = micros;
    if (micros > this.latencyMax) this.latencyMax = micros;
    this.sketch.add(micros);
  }

  addJitter(deltaMicros: number): void {
    this.jitterSum += Math.abs(deltaMicros);
    this.jitterCount++;
  }

  merge(other: Rollup): void {
    this.count += other.count;
    this.ok += other.ok;
    this.inconclusive += other.inconclusive;
    this.synRetransmits += other.synRetransmits;
    this.latencyCount += other.latencyCount;
    this.latencySum += other.latencySum;
    this.latencyMin = Math.min(this.latencyMin, other.latencyMin);
    this.latencyMax = Math.max(this.latencyMax, other.latencyMax);
    this.jitterSum += other.jitterSum;
    this.jitterCount += other.jitterCount;
    this.sketch.merge(other.sketch);
    for (let i = 0; i < FAILURE_CODE_LIMIT; i++) this.failures[i]! += other.failures[i]!;
  }

  /** Merges a stored row without building an intermediate Rollup (the hot path of range queries). */
  mergeRow(row: RollupRow): void {
    this.count += row.n;
    this.ok += row.ok;
    this.inconclusive += row.inconclusive;
    this.synRetransmits += row.syn;
    this.latencyCount += row.lat_n;
    this.latencySum += row.lat_sum;
    if (row.lat_min !== null) this.latencyMin = Math.min(this.latencyMin, row.lat_min);
    if (row.lat_max !== null) this.latencyMax = Math.max(this.latencyMax, row.lat_max);
    this.jitterSum += row.jitter_sum;
    this.jitterCount += row.jitter_n;
    if (row.sketch !== null) this.sketch.mergeEncoded(row.sketch);
    if (row.failures !== null) decodeFailuresInto(row.failures, this.failures);
  }

  toRow(): RollupRow {
    const hasLatency = this.latencyCount > 0;
    return {
      n: this.count,
      ok: this.ok,
      inconclusive: this.inconclusive,
      syn: this.synRetransmits,
      lat_n: this.latencyCount,
      lat_min: hasLatency ? this.latencyMin : null,
      lat_max: hasLatency ? this.latencyMax : null,
      lat_sum: this.latencySum,
      jitter_sum: this.jitterSum,
      jitter_n: this.jitterCount,
      sketch: hasLatency ? this.sketch.encode() : null,
      failures: this.count > this.ok + this.inconclusive ? encodeFailures(this.failures) : null,
    };
  }

  static fromRow(row: RollupRow): Rollup {
    const rollup = new Rollup();
    rollup.mergeRow(row);
    return rollup;
  }

  /** Conclusive failures per class, only the classes seen. */
  failureCounts(): Partial<Record<FailureClass, number>> {
    const counts: Partial<Record<FailureClass, number>> = {};
    for (let code = 0; code < FAILURE_CODE_LIMIT; code++) {
      const count = this.failures[code]!;
      if (count > 0) {
        const name = classFromCode(code);
        counts[name] = (counts[name] ?? 0) + count;
      }
    }
    return counts;
  }

  /** Latency quantile in µs, clamped to the exact min/max. */
  quantileUs(q: number): number | undefined {
    if (this.latencyCount === 0) return undefined;
    return this.sketch.quantile(q, this.latencyMin, this.latencyMax);
  }
}

/** (class code, count) varint pairs for the classes seen. */
function encodeFailures(failures: Float64Array): Uint8Array {
  const writer = new VarintWriter();
  for (let code = 0; code < FAILURE_CODE_LIMIT; code++) {
    const count = failures[code]!;
    if (count === 0) continue;
    writer.write(code);
    writer.write(count);
  }
  return writer.finish();
}

function decodeFailuresInto(blob: Uint8Array, into: Float64Array): void {
  const reader = new VarintReader(blob);
  while (!reader.done) {
    const code = reader.read();
    const count = reader.read();
    // A class code this version does not know (written by a newer one) is counted as `other`.
    into[code < FAILURE_CODE_LIMIT ? code : FAILURE_CLASS_CODES.other]! += count;
  }
}
