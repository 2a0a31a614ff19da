import { describe, expect, it } from 'vitest';
import { formatAgo, formatDateTime, formatDuration, formatLatency, formatPercent, formatTick, fromDateTimeLocal, toDateTimeLocal } from '../../../src-renderer/lib/format.ts';

describe('formatters', () => {
  it.each([
    [undefined, '—'],
    [null, '—'],
    [Number.NaN, '—'],
    [0, '0 ms'],
    [0.423, '0.42 ms'],
    [12.345, '12.3 ms'],
    [143.4, '143 ms'],
    [1250, '1.25 s'],
  ])('latency %s → %s', (ms, text) => {
    expect(formatLatency(ms)).toBe(text);
  });

  it.each([
    [null, '—'],
    [100, '100 %'],
    [99.996, '99.99 %'],
    [99.5, '99.50 %'],
    [0.004, '0.00 %'],
    [0, '0 %'],
  ])('percent %s → %s (a failure is never rounded away)', (pct, text) => {
    expect(formatPercent(pct)).toBe(text);
  });

  it.each([
    [850, '850 ms'],
    [42_000, '42 s'],
    [302_000, '5 min 2 s'],
    [7_380_000, '2 h 3 min'],
    [3_600_000, '1 h'],
    [273_600_000, '3 d 4 h'],
    [-1, '—'],
  ])('duration %s → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('says how long ago', () => {
    expect(formatAgo(1000, 1500)).toBe('just now');
    expect(formatAgo(0, 65_000)).toBe('1 min ago');
    expect(formatAgo(0, 12_000)).toBe('12 s ago');
  });

  it('formats date-times in local time and round-trips datetime-local values', () => {
    const ts = new Date(2026, 10, 25, 14, 3, 7).getTime();
    expect(formatDateTime(ts)).toBe('2026-11-25 14:03:07');
    expect(toDateTimeLocal(ts)).toBe('2026-11-25T14:03');
    expect(fromDateTimeLocal('2026-11-25T14:03')).toBe(new Date(2026, 10, 25, 14, 3).getTime());
    expect(fromDateTimeLocal('')).toBeUndefined();
    expect(fromDateTimeLocal('not a date')).toBeUndefined();
  });

  it('picks tick precision from the span', () => {
    const ts = new Date(2026, 10, 25, 14, 3, 7).getTime();
    expect(formatTick(ts, 5 * 60_000)).toBe('14:03:07');
    expect(formatTick(ts, 24 * 3_600_000)).toBe('14:03');
    expect(formatTick(ts, 7 * 86_400_000)).toBe('Wed 14:00');
    expect(formatTick(ts, 30 * 86_400_000)).toBe('Nov 25');
    expect(formatTick(new Date(2026, 10, 25).getTime(), 7 * 86_400_000)).toBe('Wed 25');
  });
});
