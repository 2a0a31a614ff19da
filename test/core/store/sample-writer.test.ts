import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleFromOutcome, type Store, type StoredSample } from '../../../src-main/core/store/index.ts';
import type { ProbeFailure, ProbeSuccess } from '../../../src-main/core/probe/types.ts';
import { failedSample, okSample, T0, tempDir, testStore, type TempDir } from './helpers.ts';
import { waitUntil } from '../../support/wait.ts';

describe('SampleWriter and raw samples', () => {
  let dir: TempDir;
  let store: Store;
  beforeEach(() => {
    dir = tempDir();
    ({ store } = testStore(dir.file('synack.db')));
  });
  afterEach(() => {
    store.close();
    dir.remove();
  });

  it('round-trips every field of every kind of sample', () => {
    const samples: StoredSample[] = [
      okSample(1, T0, 12.345, { synRetransmits: 1, address: '2001:db8::1' }),
      { endpointId: 1, ts: T0 + 1000, kind: 'udp', ok: true, latencyMs: 3.5, phases: { dns: 1.25, connect: 0.01, firstByte: 3.5 }, address: '10.0.0.1', inconclusive: false },
      failedSample(1, T0 + 2000, 'refused', 'ECONNREFUSED', { errno: -111, phases: { dns: 0.5, connect: 0.2 } }),
      { endpointId: 1, ts: T0 + 3000, kind: 'heartbeat', ok: false, phases: {}, failureClass: 'half-open', code: 'HALF_OPEN', inconclusive: false },
      failedSample(1, T0 + 4000, 'net-unreachable', 'ENETUNREACH', { inconclusive: true, errno: -101 }),
      okSample(2, T0, 100),
    ];
    for (const s of samples) store.writer.add(s);
    expect(store.writer.pending).toBe(samples.length);
    expect(store.writer.flush()).toBe(samples.length);
    expect(store.rawSamples(1, T0, T0 + 10_000)).toEqual(samples.slice(0, 5));
    expect(store.rawSamples(2, T0, T0 + 10_000)).toEqual(samples.slice(5));
    expect(store.rawSamples(1, T0 + 1000, T0 + 3000).map((s) => s.ts)).toEqual([T0 + 1000, T0 + 2000]);
    expect(store.writer.stats).toMatchObject({ written: samples.length, dropped: 0, batches: 1 });
  });

  it('keeps durations to the microsecond and saturates stored SYN retransmits at 3', () => {
    store.writer.add(okSample(1, T0, 0.0004, { synRetransmits: 9 }));
    store.writer.add(okSample(1, T0 + 1, 1234.5678));
    const [a, b] = store.rawSamples(1, T0, T0 + 10);
    expect(a?.latencyMs).toBe(0);
    expect(a?.synRetransmits).toBe(3);
    expect(b?.latencyMs).toBe(1234.568);
  });

  it('keeps two samples of one endpoint with the same millisecond, also across batches', () => {
    store.writer.add(okSample(1, T0, 1));
    store.writer.add(okSample(1, T0, 2));
    store.writer.flush();
    store.writer.add(okSample(1, T0, 3));
    store.writer.flush();
    expect(store.rawSamples(1, T0, T0 + 1).map((s) => s.latencyMs)).toEqual([1, 2, 3]);
    expect(store.summary(1, T0, T0 + 1).samples).toBe(3);
  });

  it('writes nothing until a flush, then everything in one transaction', () => {
    const db = new DatabaseSync(store.path);
    try {
      const count = (): unknown => db.prepare('SELECT count(*) AS n FROM samples').get()?.['n'];
      for (let i = 0; i < 100; i++) store.writer.add(okSample(1, T0 + i, 5));
      expect(count()).toBe(0);
      store.writer.flush();
      expect(count()).toBe(100);
      expect(db.prepare('SELECT sum(n) AS n FROM rollup_minute').get()?.['n']).toBe(100);
    } finally {
      db.close();
    }
  });

  it('flushes on its timer, and at once when a batch is full', async () => {
    store.close();
    ({ store } = testStore(dir.file('timer.db'), { writer: { flushIntervalMs: 30, maxBatch: 1_000_000 } }));
    store.writer.add(okSample(1, T0, 5));
    await waitUntil(() => store.writer.stats.written === 1, 'the timed flush', 5000, 10);

    store.close();
    ({ store } = testStore(dir.file('batch.db'), { writer: { flushIntervalMs: 3_600_000, maxBatch: 10 } }));
    for (let i = 0; i < 9; i++) store.writer.add(okSample(1, T0 + i, 5));
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.writer.stats.written).toBe(0);
    store.writer.add(okSample(1, T0 + 9, 5));
    expect(store.writer.stats.written).toBe(0); // never on the caller's stack
    await waitUntil(() => store.writer.stats.written === 10, 'the timed flush', 5000, 10);
  });

  it('flushes on close, then drops (and counts) late samples', () => {
    const path = store.path;
    store.writer.add(okSample(1, T0, 5));
    store.close();
    store.writer.add(okSample(1, T0 + 1, 5));
    expect(store.writer.stats).toMatchObject({ written: 1, dropped: 1 });
    expect(() => store.rawSamples(1, T0, T0 + 10)).toThrow(expect.objectContaining({ code: 'closed' }));
    ({ store } = testStore(path));
    expect(store.rawSamples(1, T0, T0 + 10)).toHaveLength(1);
  });

  it('drops a malformed sample alone, and a batch the database refuses as a whole, and carries on', () => {
    const errors: unknown[] = [];
    store.close();
    const path = dir.file('err.db');
    ({ store } = testStore(path, { busyTimeoutMs: 0, writer: { flushIntervalMs: 3_600_000, maxBatch: 1_000_000, onError: (e) => errors.push(e) } }));
    store.writer.add(okSample(1, T0, 5));
    store.writer.add({ ...okSample(1, T0 + 1, 5), kind: 'icmp' } as unknown as StoredSample);
    store.writer.add({ ...okSample(1, T0 + 2, 5), ts: Number.NaN });
    expect(store.writer.flush()).toBe(1);
    expect(errors).toHaveLength(2);
    expect(store.writer.stats).toMatchObject({ written: 1, dropped: 2 });

    // Another connection holds the write lock past the busy timeout: the whole batch fails, then the next one succeeds.
    const other = new DatabaseSync(path);
    try {
      other.exec('PRAGMA busy_timeout = 0');
      other.exec('BEGIN IMMEDIATE');
      store.writer.add(okSample(1, T0 + 3, 6));
      expect(store.writer.flush()).toBe(0);
      expect(errors).toHaveLength(3);
      expect(store.writer.stats.dropped).toBe(3);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    store.writer.add(okSample(1, T0 + 4, 7));
    expect(store.writer.flush()).toBe(1);
    expect(store.rawSamples(1, T0, T0 + 10).map((s) => s.latencyMs)).toEqual([5, 7]);
  });
});

describe('sampleFromOutcome', () => {
  const target = { host: 'example.org', port: 443 };

  it('converts a success', () => {
    const outcome: ProbeSuccess = {
      ok: true, kind: 'tcp', target, startedAt: T0, phases: { dns: 1.5, connect: 20 }, totalMs: 21.5,
      address: '93.184.216.34', family: 4, latencyMs: 20, synRetransmits: 1,
    };
    expect(sampleFromOutcome(7, outcome, false)).toEqual({
      endpointId: 7, ts: T0, kind: 'tcp', ok: true, latencyMs: 20, phases: { dns: 1.5, connect: 20 },
      address: '93.184.216.34', inconclusive: false, synRetransmits: 1,
    });
  });

  it('converts a failure, keeping code, errno and address', () => {
    const outcome: ProbeFailure = {
      ok: false, kind: 'udp', target, startedAt: T0, phases: { dns: 0 }, totalMs: 2000, address: '10.0.0.1', family: 4,
      failure: { class: 'refused', code: 'ECONNREFUSED', errno: -111, phase: 'receive', message: 'm', hint: 'h' },
    };
    expect(sampleFromOutcome(3, outcome, true)).toEqual({
      endpointId: 3, ts: T0, kind: 'udp', ok: false, phases: { dns: 0 }, failureClass: 'refused', code: 'ECONNREFUSED',
      errno: -111, address: '10.0.0.1', inconclusive: true,
    });
  });
});
