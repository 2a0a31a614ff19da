import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAILURE_CLASSES } from '../../../src-main/core/classify/failure-classes.ts';
import type { Store, StoredSample } from '../../../src-main/core/store/index.ts';
import { Rollup } from '../../../src-main/core/store/rollup.ts';
import { RESOLUTION_MS, RollupTables, type RollupResolution } from '../../../src-main/core/store/rollup-tables.ts';
import { toMicros } from '../../../src-main/core/store/sample.ts';
import { SKETCH_RELATIVE_ERROR } from '../../../src-main/core/store/sketch.ts';
import { exactQuantile, failedSample, HOUR, MINUTE, okSample, prng, T0, tempDir, testStore, type TempDir } from './helpers.ts';

interface Expected {
  count: number;
  ok: number;
  inconclusive: number;
  syn: number;
  latencies: number[];
  jitterSum: number;
  jitterCount: number;
  failures: Partial<Record<string, number>>;
}

function generate(seed: number): StoredSample[] {
  const random = prng(seed);
  const samples: StoredSample[] = [];
  const clocks = new Map([[1, T0 + 17_000], [2, T0 + 3_000]]);
  while (samples.length < 6000) {
    const endpointId = random() < 0.5 ? 1 : 2;
    const ts = clocks.get(endpointId)! + Math.floor(random() * 4000); // 0 ms gaps make same-ms duplicates
    clocks.set(endpointId, ts);
    const roll = random();
    if (roll < 0.85) {
      samples.push(okSample(endpointId, ts, 0.2 + random() * random() * 300, { synRetransmits: random() < 0.02 ? 1 : 0, inconclusive: random() < 0.03 }));
    } else {
      const failureClass = FAILURE_CLASSES[Math.floor(random() * FAILURE_CLASSES.length)]!;
      samples.push(failedSample(endpointId, ts, failureClass, `E_${failureClass}`, { inconclusive: random() < 0.2 }));
    }
  }
  return samples;
}

/** Rollups computed straight from the samples, in write order (jitter pairs consecutive ok samples of an endpoint). */
function expectedRollups(samples: readonly StoredSample[], step: number): Map<string, Expected> {
  const buckets = new Map<string, Expected>();
  const last = new Map<number, number>();
  for (const s of samples) {
    const key = `${s.endpointId}:${Math.floor(s.ts / step) * step}`;
    let e = buckets.get(key);
    if (!e) buckets.set(key, (e = { count: 0, ok: 0, inconclusive: 0, syn: 0, latencies: [], jitterSum: 0, jitterCount: 0, failures: {} }));
    e.count++;
    if (s.inconclusive) e.inconclusive++;
    else if (s.ok) e.ok++;
    else e.failures[s.failureClass!] = (e.failures[s.failureClass!] ?? 0) + 1;
    if ((s.synRetransmits ?? 0) > 0) e.syn++;
    if (s.ok) {
      const us = toMicros(s.latencyMs)!;
      e.latencies.push(us);
      const previous = last.get(s.endpointId);
      if (previous !== undefined) {
        e.jitterSum += Math.abs(us - previous);
        e.jitterCount++;
      }
      last.set(s.endpointId, us);
    }
  }
  return buckets;
}

describe('rollups', () => {
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

  it('match what the raw samples say, minute by minute and hour by hour, across uneven batches', () => {
    const samples = generate(42);
    const random = prng(5);
    for (let i = 0; i < samples.length;) {
      const size = 1 + Math.floor(random() * 400);
      for (const s of samples.slice(i, i + size)) store.writer.add(s);
      store.writer.flush();
      i += size;
    }
    expect(store.rawSamples(1, T0, T0 + 100 * HOUR, 1e9).length + store.rawSamples(2, T0, T0 + 100 * HOUR, 1e9).length).toBe(samples.length);

    const db = new DatabaseSync(store.path);
    try {
      const tables = new RollupTables(db);
      for (const resolution of ['minute', 'hour'] as RollupResolution[]) {
        const expected = expectedRollups(samples, RESOLUTION_MS[resolution]);
        let rows = 0;
        for (const endpointId of [1, 2]) {
          for (const row of tables.range(resolution, endpointId, 0, Number.MAX_SAFE_INTEGER)) {
            rows++;
            const e = expected.get(`${endpointId}:${row.ts}`);
            expect(e, `${resolution} ${endpointId}:${row.ts}`).toBeDefined();
            const r = Rollup.fromRow(row);
            const sorted = [...e!.latencies].sort((a, b) => a - b);
            expect({ count: r.count, ok: r.ok, inconclusive: r.inconclusive, syn: r.synRetransmits, failures: r.failureCounts() })
              .toEqual({ count: e!.count, ok: e!.ok, inconclusive: e!.inconclusive, syn: e!.syn, failures: e!.failures });
            expect({ n: r.latencyCount, sum: r.latencySum, jitterSum: r.jitterSum, jitterCount: r.jitterCount })
              .toEqual({ n: sorted.length, sum: sorted.reduce((a, b) => a + b, 0), jitterSum: e!.jitterSum, jitterCount: e!.jitterCount });
            if (sorted.length === 0) continue;
            expect([r.latencyMin, r.latencyMax]).toEqual([sorted[0], sorted.at(-1)]);
            for (const q of [0.05, 0.5, 0.95, 0.99]) {
              const exact = exactQuantile(sorted, q);
              expect(Math.abs(r.quantileUs(q)! - exact) / exact).toBeLessThanOrEqual(SKETCH_RELATIVE_ERROR + 1e-9);
            }
          }
        }
        expect(rows).toBe(expected.size);
      }
    } finally {
      db.close();
    }
  });

  it('stay exact with late samples and with a second writer on the same file', () => {
    const minuteCount = (ts: number): number => store.series(1, ts, ts + MINUTE, 1).points[0]?.count ?? 0;
    store.writer.add(okSample(1, T0 + 2 * MINUTE, 5));
    store.writer.flush();
    store.writer.add(okSample(1, T0 + MINUTE, 5)); // late: an older minute than the open one
    store.writer.flush();
    store.writer.add(okSample(1, T0 + 2 * MINUTE + 1, 5));
    store.writer.flush();
    // Another process (a second store on the same file) adds to the same open minute.
    const { store: other } = testStore(store.path);
    other.writer.add(okSample(1, T0 + 2 * MINUTE + 2, 5));
    other.close();
    store.writer.add(okSample(1, T0 + 2 * MINUTE + 3, 5));
    store.writer.flush();
    expect([minuteCount(T0 + MINUTE), minuteCount(T0 + 2 * MINUTE)]).toEqual([1, 4]);
    expect(store.summary(1, T0, T0 + HOUR)).toMatchObject({ samples: 5, read: { hourRows: 1 } });
  });

  it('merge minutes into the same hour figures as the hour rollup itself', () => {
    for (const s of generate(7)) store.writer.add(s);
    store.writer.flush();
    const db = new DatabaseSync(store.path);
    try {
      const tables = new RollupTables(db);
      for (const hour of tables.range('hour', 1, 0, Number.MAX_SAFE_INTEGER)) {
        const merged = new Rollup();
        for (const minute of tables.range('minute', 1, hour.ts, hour.ts + HOUR)) merged.mergeRow(minute);
        expect(merged.toRow()).toEqual(Rollup.fromRow(hour).toRow());
      }
    } finally {
      db.close();
    }
  });
});
