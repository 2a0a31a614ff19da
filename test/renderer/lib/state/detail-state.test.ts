import { describe, expect, it } from 'vitest';
import type { SeriesDto } from '../../../../src-main/ipc/dto.ts';
import { LIVE_SPAN_MS } from '../../../../src-renderer/lib/ranges.ts';
import { DetailState, pointOf, RECENT_SAMPLES } from '../../../../src-renderer/lib/state/detail.svelte.ts';
import { failedSample, fakeApi, sample } from '../../support/fake-api.ts';

describe('DetailState', () => {
  it('loads series, summary and events of the live window', async () => {
    const fake = fakeApi();
    fake.on('events', () => [
      { id: 1, ts: 10, endpointId: 3, type: 'state-change', from: 'pending', to: 'up', details: {} },
      { id: 2, ts: 20, endpointId: 3, type: 'state-change', from: 'up', to: 'down', failureClass: 'refused', details: {} },
    ]);
    const detail = new DetailState(fake.api, 3);
    const before = Date.now();
    await detail.load();
    const seriesCall = fake.calls.find((c) => c.op === 'series');
    const [id, from, to, max] = seriesCall?.args as [number, number, number, number];
    expect(id).toBe(3);
    expect(to - from).toBe(LIVE_SPAN_MS);
    expect(to).toBeGreaterThanOrEqual(before);
    expect(max).toBe(2000);
    expect(detail.events.map((e) => e.id)).toEqual([2, 1]);
    expect(detail.summary?.endpointId).toBe(3);
    expect(detail.loading).toBe(false);
  });

  it('appends pushed samples to the live series (a new array each time) and drops what left the window', async () => {
    const fake = fakeApi();
    const now = Date.now();
    const old = now - LIVE_SPAN_MS - 60_000;
    fake.on('series', (id, from, to) => ({ endpointId: id, from, to, resolution: 'raw', bucketMs: 450, points: [pointOf(sample(3, old)), pointOf(sample(3, now - 1000))] }) as SeriesDto);
    const detail = new DetailState(fake.api, 3);
    await detail.load();
    const first = detail.series;
    detail.apply({ samples: [sample(3, now + 500, { latencyMs: 7 }), sample(4, now + 600), failedSample(3, now + 700)], statuses: [], events: [], endpoints: [], removed: [] });
    expect(detail.series).not.toBe(first);
    expect(detail.series?.points.map((p) => p.ts)).toEqual([now - 1000, now + 500, now + 700]);
    expect(detail.series?.points[1]?.median).toBe(7);
    expect(detail.series?.points[2]?.failures).toEqual({ refused: 1 });
    expect(detail.window.to).toBeGreaterThanOrEqual(now + 700);
    expect(detail.recent.map((s) => s.ts)).toEqual([now + 700, now + 500]);
  });

  it('keeps a fixed range still, but still records recent samples', async () => {
    const fake = fakeApi();
    const detail = new DetailState(fake.api, 3);
    await detail.setRange('24h');
    const series = detail.series;
    detail.apply({ samples: [sample(3, Date.now())], statuses: [], events: [{ id: 9, ts: Date.now(), endpointId: 3, type: 'flapping', details: {} }], endpoints: [], removed: [] });
    expect(detail.series).toBe(series);
    expect(detail.events).toEqual([]);
    expect(detail.recent).toHaveLength(1);
  });

  it('takes pushed events once, newest first', async () => {
    const fake = fakeApi();
    fake.on('events', () => [{ id: 1, ts: 10, endpointId: 3, type: 'state-change', to: 'up', details: {} }]);
    const detail = new DetailState(fake.api, 3);
    await detail.load();
    const pushed = { id: 2, ts: 20, endpointId: 3, type: 'state-change' as const, to: 'down' as const, details: {} };
    detail.apply({ samples: [], statuses: [], events: [pushed, { ...pushed, id: 1 }], endpoints: [], removed: [] });
    detail.apply({ samples: [], statuses: [], events: [pushed], endpoints: [], removed: [] });
    expect(detail.events.map((e) => e.id)).toEqual([2, 1]);
  });

  it('drops an answer overtaken by a newer request', async () => {
    const fake = fakeApi();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    fake.on('series', async (id, from, to) => {
      if (to as number - (from as number) === 30 * 86_400_000) await gate;
      return { endpointId: id, from, to, resolution: 'hour', bucketMs: 3_600_000, points: [] } as SeriesDto;
    });
    const detail = new DetailState(fake.api, 3);
    const slow = detail.setRange('30d');
    await detail.setRange('1h');
    release();
    await slow;
    expect(detail.range).toBe('1h');
    expect(detail.series && detail.series.to - detail.series.from).toBe(3_600_000);
  });

  it('keeps one recent sample per timestamp, at most the limit', () => {
    const detail = new DetailState(fakeApi().api, 3, sample(3, 1));
    detail.noteSample(sample(3, 1));
    for (let ts = 2; ts < RECENT_SAMPLES + 10; ts++) detail.apply({ samples: [sample(3, ts)], statuses: [], events: [], endpoints: [], removed: [] });
    expect(detail.recent).toHaveLength(RECENT_SAMPLES);
    expect(detail.recent[0]?.ts).toBe(RECENT_SAMPLES + 9);
  });

  it('shows a failed load', async () => {
    const fake = fakeApi();
    fake.on('summary', () => {
      throw new Error('no such endpoint');
    });
    const detail = new DetailState(fake.api, 3);
    await detail.load();
    expect(detail.error).toBe('no such endpoint');
  });
});
