import { describe, expect, it } from 'vitest';
import { sparklineShape } from '../../../src-renderer/lib/sparkline.ts';

describe('sparklineShape', () => {
  it('scales to the largest value and right-aligns a short history', () => {
    const shape = sparklineShape([10, 20], 100, 22, 11);
    expect(shape.max).toBe(20);
    // Slots 9 and 10 of 11 (x = 90, 100); 20 ms touches the top (y = 1), 10 ms half way.
    expect(shape.lines).toEqual(['90,11 100,1']);
    expect(shape.failures).toEqual([]);
  });

  it('breaks the line at a failure and marks it', () => {
    const shape = sparklineShape([5, 5, null, 5, 5], 40, 12, 5);
    expect(shape.lines).toHaveLength(2);
    expect(shape.failures).toEqual([20]);
  });

  it('draws a lone point between failures as a short dash', () => {
    const shape = sparklineShape([null, 4, null], 20, 10, 3);
    expect(shape.lines).toEqual(['9,1 11,1']);
    expect(shape.failures).toEqual([0, 20]);
  });

  it('keeps only the newest slots', () => {
    const shape = sparklineShape([100, 1, 1], 10, 10, 2);
    expect(shape.max).toBe(1);
    expect(shape.lines).toEqual(['0,1 10,1']);
  });

  it('has nothing to draw without samples', () => {
    expect(sparklineShape([], 100, 20, 60)).toEqual({ lines: [], failures: [], max: 1 });
  });
});
