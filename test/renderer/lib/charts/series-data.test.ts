import { describe, expect, it } from 'vitest';
import type { SeriesPointDto } from '../../../../src-main/ipc/dto.ts';
import { failureBins, failureMarks, latencyBands, seriesTotals } from '../../../../src-renderer/lib/charts/series-data.ts';

function point(ts: number, overrides: Partial<SeriesPointDto> = {}): SeriesPointDto {
  return { ts, count: 1, ok: 1, inconclusive: 0, min: 1, p5: 2, median: 3, p95: 4, max: 5, mean: 3, failures: {}, ...overrides };
}

describe('series data for charts', () => {
  it('gives one line per statistic, a gap where no sample succeeded', () => {
    const bands = latencyBands([point(0), point(10, { ok: 0, min: null, p5: null, median: null, p95: null, max: null, failures: { refused: 1 } })]);
    expect(bands.median.map((p) => p.y)).toEqual([3, Number.NaN]);
    expect(bands.min[0]).toEqual({ x: 0, y: 1 });
    expect(bands.max[0]).toEqual({ x: 0, y: 5 });
    expect(bands.p5[0]?.y).toBe(2);
    expect(bands.p95[0]?.y).toBe(4);
  });

  it('breaks the lines over a stretch without buckets', () => {
    const bands = latencyBands([point(0), point(1000), point(10_000)], 3000);
    expect(bands.median.map((p) => [p.x, p.y])).toEqual([[0, 3], [1000, 3], [1001, Number.NaN], [10_000, 3]]);
  });

  it('collects failure marks per class in taxonomy order', () => {
    const marks = failureMarks([point(0, { failures: { timeout: 2 } }), point(10, { failures: { refused: 1, timeout: 1 } })]);
    expect(marks.map((m) => [m.failureClass, m.total])).toEqual([['refused', 1], ['timeout', 3]]);
    expect(marks[1]?.points).toEqual([{ x: 0, count: 2 }, { x: 10, count: 1 }]);
  });

  it('regroups failures into at most the asked number of whole-bucket bins', () => {
    const points = [point(0, { failures: { refused: 1 } }), point(59_000, { failures: { refused: 2 } }), point(3_599_000, { failures: { dns: 4 } })];
    const bins = failureBins(points, 0, 3_600_000, 1000, 60);
    expect(bins.binMs).toBe(60_000);
    expect(bins.starts).toHaveLength(60);
    const refused = bins.counts.find((c) => c.failureClass === 'refused');
    expect(refused?.values[0]).toBe(3);
    expect(refused?.total).toBe(3);
    expect(bins.counts.find((c) => c.failureClass === 'dns')?.values[59]).toBe(4);
  });

  it('counts samples, successes and conclusive failures', () => {
    expect(seriesTotals([point(0, { count: 10, ok: 7, inconclusive: 1 }), point(1, { count: 5, ok: 5 })])).toEqual({ samples: 15, ok: 12, failed: 2 });
  });
});
