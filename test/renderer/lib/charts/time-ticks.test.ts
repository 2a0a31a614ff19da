import { describe, expect, it } from 'vitest';
import { timeTicks } from '../../../../src-renderer/lib/charts/time-ticks.ts';

const local = (...parts: [number, number, number, number?, number?, number?]): number => new Date(...(parts as [number, number, number, number, number, number])).getTime();

describe('timeTicks', () => {
  it('puts 24 hours on whole local hours, 3 h apart', () => {
    const from = local(2026, 10, 24, 14, 32, 10);
    const ticks = timeTicks(from, from + 86_400_000, 8);
    expect(ticks).toHaveLength(8);
    expect(ticks.map((t) => new Date(t).getHours())).toEqual([15, 18, 21, 0, 3, 6, 9, 12]);
    expect(ticks.every((t) => new Date(t).getMinutes() === 0 && new Date(t).getSeconds() === 0)).toBe(true);
  });

  it('uses minutes for 15 minutes and days for 30 days', () => {
    const from = local(2026, 10, 25, 14, 3, 7);
    expect(timeTicks(from, from + 15 * 60_000, 8).map((t) => new Date(t).getMinutes())).toEqual([4, 6, 8, 10, 12, 14, 16, 18]);
    const month = timeTicks(from, from + 30 * 86_400_000, 8);
    expect(month.length).toBeLessThanOrEqual(8);
    expect(month.every((t) => new Date(t).getHours() === 0)).toBe(true);
  });

  it('never gives more than asked, even for odd spans', () => {
    for (const span of [1, 999, 61_000, 3_600_000 * 7, 86_400_000 * 400]) expect(timeTicks(0, span, 6).length).toBeLessThanOrEqual(6);
  });
});
