import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError, type Store } from '../../../src-main/core/store/index.ts';
import { T0, tempDir, testStore, type TempDir } from './helpers.ts';

describe('endpoints, events and settings', () => {
  let dir: TempDir;
  let store: Store;
  let clock: { now: number };
  beforeEach(() => {
    dir = tempDir();
    ({ store, clock } = testStore(dir.file('synack.db')));
  });
  afterEach(() => {
    store.close();
    dir.remove();
  });

  it('inserts, lists, finds, updates and deletes endpoints, keeping config as JSON', () => {
    clock.now = T0;
    const a = store.endpoints.insert('web', { kind: 'tcp', host: 'example.org', port: 443, tags: ['x'] });
    const b = store.endpoints.insert('dns', { kind: 'udp', host: '1.1.1.1', port: 53 });
    expect(a).toEqual({ id: a.id, name: 'web', config: { kind: 'tcp', host: 'example.org', port: 443, tags: ['x'] }, createdAt: T0, updatedAt: T0 });
    expect(store.endpoints.list().map((e) => e.name)).toEqual(['web', 'dns']);
    expect(store.endpoints.get(b.id)?.name).toBe('dns');
    expect(store.endpoints.getByName('web')?.id).toBe(a.id);
    expect(store.endpoints.getByName('nope')).toBeUndefined();

    clock.now = T0 + 5000;
    const renamed = store.endpoints.update(a.id, { name: 'www' });
    expect(renamed).toMatchObject({ name: 'www', config: a.config, createdAt: T0, updatedAt: T0 + 5000 });
    expect(store.endpoints.update(a.id, { config: { port: 80 } }).config).toEqual({ port: 80 });

    expect(() => store.endpoints.insert('dns', {})).toThrow(expect.objectContaining({ code: 'duplicate-name' }));
    expect(() => store.endpoints.update(a.id, { name: 'dns' })).toThrow(StoreError);
    expect(() => store.endpoints.update(999, { name: 'x' })).toThrow(expect.objectContaining({ code: 'not-found' }));

    expect(store.deleteEndpoint(a.id)).toBe(true);
    expect(store.deleteEndpoint(a.id)).toBe(false);
    // Ids are never reused, so old history can never attach to a new endpoint.
    const c = store.endpoints.insert('again', {});
    expect(c.id).toBeGreaterThan(b.id);
  });

  it('records events and reads them back by range, endpoint and type', () => {
    const e1 = store.events.insert({ endpointId: 1, ts: T0 + 10, type: 'state-change', fromState: 'up', toState: 'down', failureClass: 'timeout', details: { code: 'TIMEOUT', failures: 3 } });
    store.events.insert({ endpointId: 1, ts: T0 + 20, type: 'heartbeat-lost' });
    store.events.insert({ endpointId: 2, ts: T0 + 30, type: 'state-change', fromState: 'up', toState: 'down' });
    store.events.insert({ endpointId: 1, ts: T0 + 40, type: 'state-change', fromState: 'down', toState: 'up' });

    const all = store.events.range(1, T0, T0 + 100);
    expect(all.map((e) => e.type)).toEqual(['state-change', 'heartbeat-lost', 'state-change']);
    expect(all[0]).toEqual({ ...e1 });
    expect(store.events.range(1, T0, T0 + 100, { types: ['heartbeat-lost'] }).map((e) => e.ts)).toEqual([T0 + 20]);
    expect(store.events.range(undefined, T0, T0 + 100).map((e) => e.endpointId)).toEqual([1, 1, 2, 1]);
    expect(store.events.range(1, T0 + 11, T0 + 40).map((e) => e.ts)).toEqual([T0 + 20]);
    // The limit keeps the latest events.
    expect(store.events.range(1, T0, T0 + 100, { limit: 2 }).map((e) => e.ts)).toEqual([T0 + 20, T0 + 40]);
    expect(store.events.lastBefore(1, 'state-change', T0 + 40)?.toState).toBe('down');
  });

  it('stores settings as JSON and falls back to default retention', () => {
    expect(store.settings.retention()).toEqual({ rawDays: 14, minuteDays: 90, hourDays: 730 });
    store.settings.set('theme', { dark: true });
    expect(store.settings.get('theme')).toEqual({ dark: true });
    expect(store.settings.get('missing')).toBeUndefined();
    expect(store.settings.setRetention({ rawDays: 7 })).toEqual({ rawDays: 7, minuteDays: 90, hourDays: 730 });
    store.settings.set('retention', { rawDays: -1, minuteDays: 30 });
    expect(store.settings.retention()).toEqual({ rawDays: 14, minuteDays: 30, hourDays: 730 });
    expect(Object.keys(store.settings.all())).toEqual(['retention', 'theme']);
    expect(store.settings.delete('theme')).toBe(true);
    expect(() => store.settings.set('bad', undefined)).toThrow(TypeError);
  });
});
