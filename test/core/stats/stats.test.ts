import { describe, expect, it } from 'vitest';
import {
  lossPercent, mean, meanConsecutiveDifference, median, nextRfc3550Jitter, percentile, percentileSorted,
  rfc3550Jitter, stddev, summarizeLatency,
} from '../../../src-main/core/stats/index.ts';

describe('percentile (linear interpolation, type 7)', () => {
  it('matches numpy.percentile on known values', () => {
    const samples = [40, 15, 50, 35, 20];
    expect(percentile(samples, 40)).toBeCloseTo(29, 12);
    expect(percentile(samples, 95)).toBeCloseTo(48, 12);
    expect(percentile(samples, 0)).toBe(15);
    expect(percentile(samples, 100)).toBe(50);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBeCloseTo(9.55, 12);
    expect(percentile([1, 2, 3, 4], 95)).toBeCloseTo(3.85, 12);
  });

  it('takes the mean of the middle two for an even median, the middle one for odd', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([7])).toBe(7);
  });

  it('is undefined for no samples and rejects percentiles outside 0-100', () => {
    expect(percentile([], 50)).toBeUndefined();
    expect(() => percentileSorted([1], 101)).toThrow(RangeError);
    expect(() => percentileSorted([1], -1)).toThrow(RangeError);
    expect(() => percentileSorted([1], Number.NaN)).toThrow(RangeError);
  });

  it('does not reorder its input', () => {
    const samples = [3, 1, 2];
    percentile(samples, 50);
    expect(samples).toEqual([3, 1, 2]);
  });
});

describe('mean and stddev', () => {
  it('computes the population standard deviation', () => {
    const samples = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(samples)).toBe(5);
    expect(stddev(samples)).toBe(2);
    expect(stddev([42])).toBe(0);
  });

  it('keeps precision with a large offset', () => {
    expect(stddev([1e9 + 2, 1e9 + 4, 1e9 + 4, 1e9 + 4, 1e9 + 5, 1e9 + 5, 1e9 + 7, 1e9 + 9])).toBeCloseTo(2, 6);
  });

  it('is undefined for no samples', () => {
    expect(mean([])).toBeUndefined();
    expect(stddev([])).toBeUndefined();
  });
});

describe('jitter', () => {
  it('averages the absolute differences of consecutive samples, in order', () => {
    expect(meanConsecutiveDifference([1, 3, 2, 6])).toBeCloseTo(7 / 3, 12);
    expect(meanConsecutiveDifference([1, 2, 3, 6])).toBeCloseTo(5 / 3, 12);
    expect(meanConsecutiveDifference([5])).toBe(0);
    expect(meanConsecutiveDifference([])).toBe(0);
  });

  it('smooths with gain 1/16 like RFC 3550', () => {
    expect(nextRfc3550Jitter(0, 10, 20)).toBe(0.625);
    expect(rfc3550Jitter([10, 20, 20])).toBeCloseTo(0.625 - 0.625 / 16, 12);
    expect(rfc3550Jitter([10])).toBe(0);
    // A constant difference converges towards that difference.
    const alternating = Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? 10 : 14));
    expect(rfc3550Jitter(alternating)).toBeCloseTo(4, 6);
  });
});

describe('lossPercent', () => {
  it('is the failed share of attempts', () => {
    expect(lossPercent(4, 3)).toBe(25);
    expect(lossPercent(3, 0)).toBe(100);
    expect(lossPercent(3, 3)).toBe(0);
  });

  it('is null when nothing was sent, and rejects impossible counts', () => {
    expect(lossPercent(0, 0)).toBeNull();
    expect(() => lossPercent(3, 4)).toThrow(RangeError);
    expect(() => lossPercent(-1, 0)).toThrow(RangeError);
    expect(() => lossPercent(1.5, 1)).toThrow(RangeError);
  });
});

describe('summarizeLatency', () => {
  it('summarises samples given in measurement order', () => {
    expect(summarizeLatency([40, 15, 50, 35, 20])).toEqual({
      count: 5,
      min: 15,
      avg: 32,
      median: 35,
      p95: 48,
      max: 50,
      stddev: expect.closeTo(Math.sqrt(166), 12),
      jitter: (25 + 35 + 15 + 15) / 4,
    });
  });

  it('is null for no samples and flat for one', () => {
    expect(summarizeLatency([])).toBeNull();
    expect(summarizeLatency([3])).toEqual({ count: 1, min: 3, avg: 3, median: 3, p95: 3, max: 3, stddev: 0, jitter: 0 });
  });
});
