import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../../src-main/core/util/duration.ts';

describe('parseDuration', () => {
  it.each([
    ['250ms', 250],
    ['1s', 1000],
    ['1.5s', 1500],
    ['1.001s', 1001],
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['1m30s', 90_000],
    ['1h2m3s4ms', 3_723_004],
    ['0', 0],
    ['0s', 0],
    ['0ms', 0],
    [' 5s ', 5000],
    ['0.5ms', 0.5],
  ])('%s → %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '1x', '1', '10', 's', '-1s', '1.s', '.5s', '1 s', '30s1m', '1s1s', '1S', 'NaN', 'Infinityms', '1e3ms'])(
    'rejects %j',
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [250, '250ms'],
    [0.5, '0.5ms'],
    [1000, '1s'],
    [1500, '1.5s'],
    [90_000, '1m30s'],
    [120_000, '2m'],
    [3_600_000, '1h'],
    [3_723_004, '1h2m3.004s'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('round-trips through parseDuration', () => {
    for (const ms of [0, 1, 999, 1000, 1001, 59_999, 60_000, 61_500, 3_599_999, 3_600_001, 86_400_000, 0.25]) {
      expect(parseDuration(formatDuration(ms))).toBe(ms);
    }
  });

  it('rejects negative and non-finite values', () => {
    expect(() => formatDuration(-1)).toThrow(RangeError);
    expect(() => formatDuration(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
