import { describe, expect, it } from 'vitest';
import { bucketOf, bucketValue, LatencySketch, SKETCH_RELATIVE_ERROR } from '../../../src-main/core/store/sketch.ts';
import { exactQuantile, prng } from './helpers.ts';

const QUANTILES = [0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1];

function logNormalMicros(random: () => number, count: number): number[] {
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const gaussian = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    values.push(Math.max(1, Math.round(Math.exp(9 + 1.5 * gaussian)))); // median ≈ 8 ms, long tail
  }
  return values;
}

describe('LatencySketch', () => {
  it('keeps every bucket value within the stated relative error of the values it holds', () => {
    expect(SKETCH_RELATIVE_ERROR).toBeLessThan(0.01);
    for (const micros of [1, 2, 3, 17, 99, 100, 101, 1234, 65_432, 1_000_000, 30_000_000]) {
      const value = bucketValue(bucketOf(micros));
      expect(Math.abs(value - micros) / micros).toBeLessThanOrEqual(SKETCH_RELATIVE_ERROR + 1e-12);
    }
    expect(bucketValue(bucketOf(0))).toBe(0);
  });

  it('answers quantiles within ±1 % of the exact value of the same rank', () => {
    const values = logNormalMicros(prng(7), 20_000);
    const sketch = new LatencySketch();
    for (const v of values) sketch.add(v);
    const sorted = [...values].sort((a, b) => a - b);
    for (const q of QUANTILES) {
      const exact = exactQuantile(sorted, q);
      const estimate = sketch.quantile(q, sorted[0], sorted.at(-1));
      expect(Math.abs(estimate! - exact) / exact, `q=${q}`).toBeLessThanOrEqual(SKETCH_RELATIVE_ERROR + 1e-9);
    }
  });

  it('merges losslessly: merged parts answer exactly as one sketch of all values', () => {
    const random = prng(11);
    const whole = new LatencySketch();
    const merged = new LatencySketch();
    for (let part = 0; part < 10; part++) {
      const piece = new LatencySketch();
      for (const v of logNormalMicros(random, 500)) {
        piece.add(v);
        whole.add(v);
      }
      // Half merged in memory, half through the stored encoding.
      if (part % 2 === 0) merged.merge(piece);
      else merged.mergeEncoded(piece.encode());
    }
    expect(merged.total).toBe(5000);
    expect(Array.from(merged.counts)).toEqual(Array.from(whole.counts));
    for (const q of QUANTILES) expect(merged.quantile(q)).toBe(whole.quantile(q));
  });

  it('encodes compactly and round-trips', () => {
    const sketch = new LatencySketch();
    for (let i = 0; i < 60; i++) sketch.add(20_000 + i * 37);
    const blob = sketch.encode();
    expect(blob.length).toBeLessThan(40);
    expect(Array.from(LatencySketch.decode(blob).counts)).toEqual(Array.from(sketch.counts));
  });

  it('is empty until fed, and rejects a blob from an unknown format', () => {
    const sketch = new LatencySketch();
    expect(sketch.quantile(0.5)).toBeUndefined();
    expect(LatencySketch.decode(sketch.encode()).total).toBe(0);
    expect(() => LatencySketch.decode(new Uint8Array([9, 1, 1]))).toThrow(/format/);
  });
});
