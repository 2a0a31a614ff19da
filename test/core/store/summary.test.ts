import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FailureClass } from '../../../src-main/core/classify/failure-classes.ts';
import type { Store, StoredSample } from '../../../src-main/core/store/index.ts';
import { toMicros } from '../../../src-main/core/store/sample.ts';
import { SKETCH_RELATIVE_ERROR } from '../../../src-main/core/store/sketch.ts';
import { DAY, exactQuantile, failedSample, HOUR, okSample, T0, tempDir, testStore, type TempDir } from './helpers.ts';

interface Outage {
  readonly from: number;
  readonly seconds: number;
  readonly failure: (i: number) => { failureClass: FailureClass; code: string; errno?: number };
}

/** A day of 1 s samples with exactly three outages, a burst of inconclusive samples and a known latency cycle. */
const OUTAGES: readonly Outage[] = [
  { from: 3600, seconds: 60, failure: () => ({ failureClass: 'timeout', code: 'TIMEOUT' }) },
  { from: 20_000, seconds: 300, failure: () => ({ failureClass: 'refused', code: 'ECONNREFUSED', errno: -111 }) },
  { from: 50_000, seconds: 30, failure: (i) => (i < 50_010 ? { failureClass: 'timeout', code: 'TIMEOUT' } : { failureClass: 'host-unreachable', code: 'EHOSTUNREACH', errno: -113 }) },
];
const INCONCLUSIVE = { from: 70_000, seconds: 100 };
const SECONDS = 86_400;

function history(): StoredSample[] {
  const samples: StoredSample[] = [];
  for (let i = 0; i < SECONDS; i++) {
    const ts = T0 + i * 1000;
    const outage = OUTAGES.find((o) => i >= o.from && i < o.from + o.seconds);
    if (outage) samples.push(failedSample(1, ts, outage.failure(i).failureClass, outage.failure(i).code, outage.failure(i)));
    else if (i >= INCONCLUSIVE.from && i < INCONCLUSIVE.from + INCONCLUSIVE.seconds) samples.push(failedSample(1, ts, 'net-unreachable', 'ENETUNREACH', { inconclusive: true }));
    else samples.push(okSample(1, ts, 10 + (i % 100) / 10 + (i % 7) * 0.013, { synRetransmits: i % 1000 === 0 ? 1 : 0 }));
  }
  return samples;
}

describe('summary', () => {
  let dir: TempDir;
  let store: Store;
  const samples = history();
  beforeAll(() => {
    dir = tempDir();
    ({ store } = testStore(dir.file('synack.db'), { nowMs: T0 + DAY + HOUR }));
    for (let i = 0; i < samples.length; i++) {
      store.writer.add(samples[i]!);
      if (i % 5000 === 4999) store.writer.flush();
    }
    for (const o of OUTAGES) {
      store.events.insert({ endpointId: 1, ts: T0 + o.from * 1000, type: 'state-change', fromState: 'up', toState: 'down', failureClass: o.failure(o.from).failureClass });
      store.events.insert({ endpointId: 1, ts: T0 + (o.from + o.seconds) * 1000, type: 'state-change', fromState: 'down', toState: 'up' });
    }
    store.writer.flush();
  });
  afterAll(() => {
    store.close();
    dir.remove();
  });

  it('gives exact counts, uptime, loss, failures and SYN retransmits for a known day', () => {
    const summary = store.summary(1, T0, T0 + DAY);
    const synFlagged = samples.filter((s) => (s.synRetransmits ?? 0) > 0).length;
    expect(summary).toMatchObject({
      samples: 86_400,
      inconclusive: 100,
      failed: 390,
      ok: 85_910,
      failures: { timeout: 70, refused: 300, 'host-unreachable': 20 },
      synRetransmits: synFlagged,
    });
    expect(summary.uptimePct).toBeCloseTo((85_910 / 86_300) * 100, 10);
    expect(summary.lossPct).toBeCloseTo((70 / 86_300) * 100, 10);
    expect(summary.read).toEqual({ hourRows: 24, minuteRows: 0, rawSamples: 0 });
  });

  it('gives latency within the sketch bound, exact min/max/mean, and exact jitter', () => {
    const latencies = samples.filter((s) => s.ok).map((s) => toMicros(s.latencyMs)!);
    const sorted = [...latencies].sort((a, b) => a - b);
    const { latency, jitterMs } = store.summary(1, T0, T0 + DAY);
    expect(latency!.minMs).toBe(sorted[0]! / 1000);
    expect(latency!.maxMs).toBe(sorted.at(-1)! / 1000);
    expect(latency!.meanMs).toBeCloseTo(sorted.reduce((a, b) => a + b, 0) / sorted.length / 1000, 9);
    for (const [q, value] of [[0.5, latency!.medianMs], [0.95, latency!.p95Ms], [0.99, latency!.p99Ms]] as const) {
      const exact = exactQuantile(sorted, q);
      expect(Math.abs(value * 1000 - exact) / exact).toBeLessThanOrEqual(SKETCH_RELATIVE_ERROR + 1e-9);
    }
    let jitter = 0;
    for (let i = 1; i < latencies.length; i++) jitter += Math.abs(latencies[i]! - latencies[i - 1]!);
    expect(jitterMs).toBeCloseTo(jitter / (latencies.length - 1) / 1000, 9);
  });

  it('lists the three outages as incidents with their length, class and first/last error', () => {
    const { incidents } = store.summary(1, T0, T0 + DAY);
    expect(incidents.map((i) => [i.startMs - T0, i.endMs! - T0, i.durationMs, i.failureClass])).toEqual([
      [3_600_000, 3_660_000, 60_000, 'timeout'],
      [20_000_000, 20_300_000, 300_000, 'refused'],
      [50_000_000, 50_030_000, 30_000, 'timeout'],
    ]);
    expect(incidents[1]!.firstError).toMatchObject({ ts: T0 + 20_000_000, failureClass: 'refused', code: 'ECONNREFUSED', errno: -111, address: '127.0.0.1' });
    expect(incidents[2]!.firstError).toMatchObject({ ts: T0 + 50_000_000, code: 'TIMEOUT' });
    expect(incidents[2]!.lastError).toMatchObject({ ts: T0 + 50_029_000, failureClass: 'host-unreachable', code: 'EHOSTUNREACH', errno: -113 });
  });

  it('stitches hours, minutes and raw edges for an unaligned range to the same counts as the raw samples', () => {
    const from = T0 + 4_000_567;
    const to = T0 + 80_000_000 + 4321;
    const summary = store.summary(1, from, to);
    const inRange = samples.filter((s) => s.ts >= from && s.ts < to);
    const conclusive = inRange.filter((s) => !s.inconclusive);
    expect(summary.samples).toBe(inRange.length);
    expect(summary.ok).toBe(conclusive.filter((s) => s.ok).length);
    expect(summary.failed).toBe(conclusive.filter((s) => !s.ok).length);
    expect(summary.read.hourRows).toBe(20);
    expect(summary.read.minuteRows).toBeGreaterThan(0);
    expect(summary.read.minuteRows).toBeLessThan(120);
    expect(summary.read.rawSamples).toBeLessThan(120);
    const sorted = inRange.filter((s) => s.ok).map((s) => toMicros(s.latencyMs)!).sort((a, b) => a - b);
    const exact = exactQuantile(sorted, 0.95);
    expect(Math.abs(summary.latency!.p95Ms * 1000 - exact) / exact).toBeLessThanOrEqual(SKETCH_RELATIVE_ERROR + 1e-9);
    // Incidents overlapping the range only; the first outage (at 1 h) ended before it.
    expect(summary.incidents.map((i) => i.startMs - T0)).toEqual([20_000_000, 50_000_000]);
  });

  it('includes an incident already under way at the start, and one still open at the end', () => {
    store.events.insert({ endpointId: 1, ts: T0 + DAY - 600_000, type: 'state-change', fromState: 'up', toState: 'down', failureClass: 'reset' });
    const midOutage = store.summary(1, T0 + 20_100_000, T0 + 20_200_000);
    expect(midOutage.incidents).toHaveLength(1);
    expect(midOutage.incidents[0]).toMatchObject({ startMs: T0 + 20_000_000, endMs: T0 + 20_300_000, durationMs: 300_000 });
    const open = store.incidents(1, T0 + DAY - HOUR, T0 + DAY);
    expect(open).toEqual([expect.objectContaining({ startMs: T0 + DAY - 600_000, endMs: null, durationMs: 600_000, failureClass: 'reset' })]);
  });

  it('is empty, not wrong, where there is no data', () => {
    const summary = store.summary(2, T0, T0 + DAY);
    expect(summary).toMatchObject({ samples: 0, uptimePct: null, lossPct: null, latency: null, jitterMs: null, failures: {}, incidents: [] });
  });
});
