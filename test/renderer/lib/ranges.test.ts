import { describe, expect, it } from 'vitest';
import { rangeWindow } from '../../../src-renderer/lib/ranges.ts';

describe('rangeWindow', () => {
  const now = 1_800_000_000_000;
  it.each([
    ['live', 15 * 60_000],
    ['1h', 3_600_000],
    ['24h', 86_400_000],
    ['7d', 7 * 86_400_000],
    ['30d', 30 * 86_400_000],
  ] as const)('%s ends now', (key, span) => {
    expect(rangeWindow(key, now)).toEqual({ from: now - span, to: now });
  });

  it('uses custom bounds, swapping reversed ones and widening an empty one', () => {
    expect(rangeWindow('custom', now, { from: now - 5000_000, to: now - 1000_000 })).toEqual({ from: now - 5000_000, to: now - 1000_000 });
    expect(rangeWindow('custom', now, { from: now, to: now - 3_600_000 })).toEqual({ from: now - 3_600_000, to: now });
    expect(rangeWindow('custom', now, { from: now, to: now })).toEqual({ from: now - 60_000, to: now });
    expect(rangeWindow('custom', now, {})).toEqual({ from: now - 3_600_000, to: now });
  });
});
