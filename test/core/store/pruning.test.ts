import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src-main/core/store/index.ts';
import { DAY, okSample, T0, tempDir, testStore, type TempDir } from './helpers.ts';

const NOW = T0 + 3 * DAY;

function counts(path: string, endpointId: number): Record<string, number> {
  const db = new DatabaseSync(path);
  try {
    const result: Record<string, number> = {};
    for (const table of ['samples', 'rollup_minute', 'rollup_hour', 'events']) {
      result[table] = Number(db.prepare(`SELECT count(*) AS n FROM ${table} WHERE endpoint_id = ?`).get(endpointId)?.['n']);
    }
    result['oldestSample'] = Number(db.prepare('SELECT min(ts) AS t FROM samples WHERE endpoint_id = ?').get(endpointId)?.['t'] ?? -1);
    return result;
  } finally {
    db.close();
  }
}

describe('retention pruning', () => {
  let dir: TempDir;
  let store: Store;
  let ids: number[];
  beforeEach(() => {
    dir = tempDir();
    ({ store } = testStore(dir.file('synack.db'), { nowMs: NOW, pruner: { chunkRows: 1000 } }));
    ids = [store.endpoints.insert('a', {}).id, store.endpoints.insert('b', {}).id];
    // Three days of 10 s samples per endpoint, and a daily event.
    for (let ts = T0; ts < NOW; ts += 10_000) for (const id of ids) store.writer.add(okSample(id, ts, 5));
    for (let day = 0; day < 3; day++) for (const id of ids) store.events.insert({ endpointId: id, ts: T0 + day * DAY, type: 'heartbeat-lost' });
    store.writer.flush();
  });
  afterEach(() => {
    store.close();
    dir.remove();
  });

  it('deletes raw samples past retention in chunks, leaving rollups and newer samples', () => {
    store.settings.setRetention({ rawDays: 1 });
    const steps = store.pruner.runPass();
    const deleting = steps.filter((s) => s.deleted > 0);
    expect(deleting.every((s) => s.deleted <= 1000 && s.table === 'samples')).toBe(true);
    expect(deleting.reduce((sum, s) => sum + s.deleted, 0)).toBe(2 * 2 * 8640);
    expect(deleting.length).toBeGreaterThanOrEqual(35);
    expect(steps.at(-1)?.passComplete).toBe(true);
    for (const id of ids) {
      expect(counts(store.path, id)).toEqual({ samples: 8640, rollup_minute: 3 * 1440, rollup_hour: 72, events: 3, oldestSample: NOW - DAY });
    }
    // Queries over the pruned days still answer from rollups.
    expect(store.summary(ids[0]!, T0, NOW).samples).toBe(3 * 8640);
  });

  it('applies each table its own retention: minutes, hours and events', () => {
    store.settings.setRetention({ rawDays: 2, minuteDays: 1.5, hourDays: 1 });
    store.pruner.runPass();
    for (const id of ids) {
      expect(counts(store.path, id)).toEqual({ samples: 2 * 8640, rollup_minute: 1.5 * 1440, rollup_hour: 24, events: 1, oldestSample: NOW - 2 * DAY });
    }
  });

  it('removes a deleted endpoint\'s whole history, in chunks, and nothing of the others', () => {
    expect(store.deleteEndpoint(ids[1]!)).toBe(true);
    const steps = store.pruner.runPass();
    expect(steps.every((s) => s.deleted <= 1000)).toBe(true);
    expect(counts(store.path, ids[1]!)).toEqual({ samples: 0, rollup_minute: 0, rollup_hour: 0, events: 0, oldestSample: -1 });
    expect(counts(store.path, ids[0]!)).toMatchObject({ samples: 3 * 8640, rollup_minute: 3 * 1440, events: 3 });
  });

  it('makes progress through many samples with the same timestamp', () => {
    for (let i = 0; i < 2500; i++) store.writer.add(okSample(ids[0]!, T0 - DAY, 1));
    store.writer.flush();
    store.settings.setRetention({ rawDays: 2.5 });
    store.pruner.runPass();
    expect(counts(store.path, ids[0]!).oldestSample).toBe(NOW - 2.5 * DAY);
  });

  it('runs on the writer\'s timer between batches without being asked', async () => {
    store.close();
    ({ store } = testStore(store.path, { nowMs: NOW, writer: { flushIntervalMs: 10 }, pruner: { chunkRows: 500, passIntervalMs: 0 } }));
    store.settings.setRetention({ rawDays: 1 });
    const deadline = Date.now() + 10_000;
    while ((counts(store.path, ids[0]!).oldestSample ?? 0) < NOW - DAY && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(counts(store.path, ids[0]!).oldestSample).toBe(NOW - DAY);
  });
});
