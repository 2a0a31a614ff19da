import { describe, expect, it } from 'vitest';
import { OverviewState, SPARKLINE_SLOTS } from '../../../../src-renderer/lib/state/overview.svelte.ts';
import { endpoint, failedSample, fakeApi, row, sample, status } from '../../support/fake-api.ts';

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('OverviewState', () => {
  it('loads the snapshot, then applies pushed samples and statuses to the right row', async () => {
    const fake = fakeApi();
    const a = endpoint({ name: 'alpha' });
    const b = endpoint({ name: 'beta' });
    fake.on('overview', () => [row(a, { sparkline: [1, 2], status: status(a.id, 'up', { lastSample: sample(a.id, 100, { latencyMs: 2 }) }) }), row(b)]);
    const state = new OverviewState(fake.api);
    const stop = state.start();
    await expect.poll(() => state.loaded).toBe(true);
    expect(state.rows.map((r) => r.endpoint.name)).toEqual(['alpha', 'beta']);

    fake.push({ samples: [sample(a.id, 200, { latencyMs: 3 }), failedSample(a.id, 300)], statuses: [status(a.id, 'down', { failureClass: 'refused', lastSample: failedSample(a.id, 300) })] });
    const alpha = state.row(a.id);
    expect(alpha?.sparkline).toEqual([1, 2, 3, null]);
    expect(alpha?.status.state).toBe('down');
    expect(alpha?.lastLatency).toBeUndefined();
    expect(state.row(b.id)?.sparkline).toEqual([]);
    expect(state.announcement).toBe('alpha is down: refused');
    stop();
    expect(fake.listeners).toBe(0);
  });

  it('ignores samples it already has (a push racing the snapshot) and inconclusive ones', async () => {
    const fake = fakeApi();
    const a = endpoint();
    fake.on('overview', () => [row(a, { sparkline: [5], status: status(a.id, 'up', { lastSample: sample(a.id, 100, { latencyMs: 5 }) }) })]);
    const state = new OverviewState(fake.api);
    await state.load();
    state.apply({ samples: [sample(a.id, 100, { latencyMs: 5 }), failedSample(a.id, 150, { inconclusive: true }), sample(a.id, 200, { latencyMs: 6 })], statuses: [], events: [], endpoints: [], removed: [] });
    expect(state.row(a.id)?.sparkline).toEqual([5, 6]);
  });

  it('buffers pushes that arrive while the snapshot loads and applies them after it', async () => {
    const fake = fakeApi();
    const a = endpoint();
    const snapshot = deferred<ReturnType<typeof row>[]>();
    fake.on('overview', () => snapshot.promise);
    const state = new OverviewState(fake.api);
    const stop = state.start();
    fake.push({ samples: [sample(a.id, 500, { latencyMs: 9 })], statuses: [status(a.id, 'up')] });
    snapshot.resolve([row(a, { sparkline: [1] })]);
    await expect.poll(() => state.loaded).toBe(true);
    expect(state.row(a.id)?.sparkline).toEqual([1, 9]);
    stop();
  });

  it('keeps at most the sparkline slots, replacing the array on every sample', async () => {
    const fake = fakeApi();
    const a = endpoint();
    fake.on('overview', () => [row(a)]);
    const state = new OverviewState(fake.api);
    await state.load();
    const before = state.row(a.id)?.sparkline;
    for (let i = 1; i <= SPARKLINE_SLOTS + 5; i++) state.apply({ samples: [sample(a.id, i, { latencyMs: i })], statuses: [], events: [], endpoints: [], removed: [] });
    const after = state.row(a.id)?.sparkline ?? [];
    expect(after).not.toBe(before);
    expect(after).toHaveLength(SPARKLINE_SLOTS);
    expect(after[0]).toBe(6);
    expect(after.at(-1)).toBe(SPARKLINE_SLOTS + 5);
  });

  it('adds, updates and removes rows from pushes', async () => {
    const fake = fakeApi();
    const a = endpoint({ name: 'a' });
    fake.on('overview', () => [row(a)]);
    const state = new OverviewState(fake.api);
    await state.load();
    const added = endpoint({ name: 'new', paused: true });
    state.apply({ samples: [], statuses: [], events: [], endpoints: [added, { ...a, name: 'renamed' }], removed: [] });
    expect(state.rows.map((r) => [r.endpoint.name, r.status.state])).toEqual([['renamed', 'up'], ['new', 'paused']]);
    state.apply({ samples: [], statuses: [], events: [], endpoints: [], removed: [a.id] });
    expect(state.rows.map((r) => r.endpoint.name)).toEqual(['new']);
  });

  it('filters by text, status and tag, and sorts worst first by default', async () => {
    const fake = fakeApi();
    const web = endpoint({ name: 'web', host: 'web.test', port: 443, tags: ['prod'] });
    const db = endpoint({ name: 'db', host: 'db.test', port: 5432, tags: ['prod', 'data'] });
    const dev = endpoint({ name: 'dev', host: 'dev.test', port: 8080 });
    fake.on('overview', () => [
      row(web, { uptime24h: 99 }),
      row(db, { status: status(db.id, 'down', { failureClass: 'timeout' }), uptime24h: 50 }),
      row(dev, { status: status(dev.id, 'degraded'), uptime24h: null }),
    ]);
    const state = new OverviewState(fake.api);
    await state.load();
    const names = (): string[] => state.visible.map((r) => r.endpoint.name);
    expect(names()).toEqual(['db', 'dev', 'web']);
    expect(state.tags).toEqual(['data', 'prod']);
    expect(state.counts).toEqual({ up: 1, down: 1, degraded: 1 });

    state.text = 'DB.TEST:5432';
    expect(names()).toEqual(['db']);
    state.text = '';
    state.statusFilter = 'problems';
    expect(names()).toEqual(['db', 'dev']);
    state.statusFilter = 'up';
    expect(names()).toEqual(['web']);
    state.statusFilter = 'all';
    state.tag = 'prod';
    expect(names()).toEqual(['db', 'web']);
    state.tag = '';
    state.sort = 'uptime';
    expect(names()).toEqual(['db', 'web', 'dev']);
    state.descending = true;
    expect(names()).toEqual(['dev', 'web', 'db']);
    state.sort = 'name';
    expect(names()).toEqual(['web', 'dev', 'db']);
  });

  it('reloads the snapshot after the connection comes back', async () => {
    const fake = fakeApi();
    let calls = 0;
    fake.on('overview', () => {
      calls++;
      return [];
    });
    const state = new OverviewState(fake.api);
    const stop = state.start();
    await expect.poll(() => state.loaded).toBe(true);
    fake.setConnected(false);
    fake.setConnected(true);
    await expect.poll(() => calls).toBe(2);
    stop();
  });

  it('shows why the snapshot failed', async () => {
    const fake = fakeApi();
    fake.on('overview', () => {
      throw new Error('the bridge is closed');
    });
    const state = new OverviewState(fake.api);
    await state.load();
    expect(state.error).toBe('the bridge is closed');
    expect(state.loaded).toBe(false);
  });
});
