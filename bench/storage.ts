/**
 * Storage benchmark: write rate, bytes per raw sample, query times over a week of 1 s history,
 * and retention step durations. Run alone with `npx node bench/storage.ts`.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { openStore, type Store, type StoredSample } from '../src-main/core/store/index.ts';
import { prng } from '../test/support/prng.ts';

const DAY = 86_400_000;
const WEEK_SECONDS = 7 * 86_400;
const QUERY_RUNS = 20;


/** A plausible sample: ~20 ms median with a tail, 0.5 % failures. */
function sampleAt(random: () => number, endpointId: number, ts: number): StoredSample {
  if (random() < 0.005) {
    return { endpointId, ts, kind: 'tcp', ok: false, phases: { dns: 0 }, failureClass: 'timeout', code: 'TIMEOUT', address: '192.0.2.10', inconclusive: false };
  }
  const latencyMs = 12 + 8 * Math.exp(random() * random() * 3) + random();
  return { endpointId, ts, kind: 'tcp', ok: true, latencyMs, phases: { dns: 0, connect: latencyMs }, address: '192.0.2.10', inconclusive: false, synRetransmits: 0 };
}

function fileSize(path: string): number {
  const db = new DatabaseSync(path);
  try {
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  return statSync(path).size;
}

interface WriteResult {
  readonly samples: number;
  readonly seconds: number;
  readonly bytesPerSample: number;
}

/** Writes `seconds` of 1 s history for each endpoint, interleaved as the scheduler would, in batches. */
function writeHistory(store: Store, endpointIds: readonly number[], startMs: number, seconds: number, batch: number): WriteResult {
  const random = prng(42);
  const before = fileSize(store.path);
  const started = performance.now();
  let samples = 0;
  for (let s = 0; s < seconds; s++) {
    for (const id of endpointIds) {
      store.writer.add(sampleAt(random, id, startMs + s * 1000));
      if (++samples % batch === 0) store.writer.flush();
    }
  }
  store.writer.flush();
  const elapsed = (performance.now() - started) / 1000;
  return { samples, seconds: elapsed, bytesPerSample: (fileSize(store.path) - before) / samples };
}

function timeIt(run: () => unknown): { first: number; median: number; max: number } {
  const times: number[] = [];
  for (let i = 0; i < QUERY_RUNS; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  const first = times[0]!;
  times.sort((a, b) => a - b);
  return { first, median: times[Math.floor(times.length / 2)]!, max: times.at(-1)! };
}

function ms(value: number): string {
  return `${value.toFixed(2)} ms`;
}

function verdict(ok: boolean): string {
  return ok ? 'ok' : 'MISSED';
}

export async function runStorageBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'synack-bench-'));
  const weekStart = Date.UTC(2025, 0, 6);
  const now = weekStart + 7 * DAY;
  try {
    // 1. One endpoint, a week of 1 s history: the dataset the queries run on.
    const single = openStore({ path: join(dir, 'single.db'), now: () => now, writer: { flushIntervalMs: 3_600_000, maxBatch: 1e9 } });
    const id = single.endpoints.insert('bench', {}).id;
    const week = writeHistory(single, [id], weekStart, WEEK_SECONDS, 20_000);
    console.log('storage: write (1 endpoint, 1 week of 1 s samples, batches of 20,000)');
    console.log(`  ${week.samples.toLocaleString('en')} samples in ${week.seconds.toFixed(2)} s = ${Math.round(week.samples / week.seconds).toLocaleString('en')} samples/s`);
    console.log(`  ${week.bytesPerSample.toFixed(1)} bytes per raw sample, rollups included (target <= 60: ${verdict(week.bytesPerSample <= 60)})`);

    // 2. Twenty endpoints interleaved, small batches as in the running app (1 s of 20 endpoints per flush).
    const many = openStore({ path: join(dir, 'many.db'), now: () => now, writer: { flushIntervalMs: 3_600_000, maxBatch: 1e9 } });
    const ids = Array.from({ length: 20 }, (_, i) => many.endpoints.insert(`e${i}`, {}).id);
    const mixed = writeHistory(many, ids, weekStart, 86_400 / 4, 20);
    many.close();
    console.log('storage: write (20 endpoints interleaved, 6 h, one flush per second of samples = 20 per batch)');
    console.log(`  ${mixed.samples.toLocaleString('en')} samples in ${mixed.seconds.toFixed(2)} s = ${Math.round(mixed.samples / mixed.seconds).toLocaleString('en')} samples/s`);
    console.log(`  ${mixed.bytesPerSample.toFixed(1)} bytes per raw sample, rollups included (target <= 60: ${verdict(mixed.bytesPerSample <= 60)})`);

    // 3. Queries on the week of history.
    console.log('storage: queries (1 endpoint with a week of 1 s history; first / median / max of 20 runs)');
    const queries: [string, () => unknown, number?][] = [
      ['series 24 h, 1000 points', () => single.series(id, now - DAY, now, 1000)],
      ['series 6 h, 2000 points (raw)', () => single.series(id, now - DAY / 4, now, 2000)],
      ['series 24 h, 3000 points (raw)', () => single.series(id, now - DAY, now, 3000)],
      ['series 30 d, 1000 points', () => single.series(id, now - 30 * DAY, now, 1000)],
      ['series 30 d, 3000 points', () => single.series(id, now - 30 * DAY, now, 3000)],
      ['summary 24 h', () => single.summary(id, now - DAY, now)],
      ['summary 30 d', () => single.summary(id, now - 30 * DAY + 12_345, now), 50],
    ];
    for (const [label, run, target] of queries) {
      const t = timeIt(run);
      const goal = target === undefined ? '' : ` (target < ${target} ms: ${verdict(t.max < target)})`;
      console.log(`  ${label.padEnd(32)} ${ms(t.first)} / ${ms(t.median)} / ${ms(t.max)}${goal}`);
    }
    for (const [label, days, points] of [['24 h / 1000', 1, 1000], ['24 h / 3000', 1, 3000], ['30 d / 1000', 30, 1000], ['30 d / 3000', 30, 3000]] as const) {
      const series = single.series(id, now - days * DAY, now, points);
      console.log(`  (${label} points: ${series.resolution} level, ${series.bucketMs / 1000} s buckets, ${series.points.length} points)`);
    }

    // 4. Retention: keep 4 of the 7 days of raw samples, pruned in steps between batches.
    single.settings.setRetention({ rawDays: 4 });
    const steps = single.pruner.runPass().filter((s) => s.deleted > 0);
    const durations = steps.map((s) => s.ms).sort((a, b) => a - b);
    const deleted = steps.reduce((sum, s) => sum + s.deleted, 0);
    console.log('storage: pruning (3 days of raw samples past retention)');
    const at = (q: number): number => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))] ?? 0;
    console.log(`  ${deleted.toLocaleString('en')} rows in ${steps.length} steps of <= ${Math.max(...steps.map((s) => s.deleted))} rows; `
      + `step median ${ms(at(0.5))}, p95 ${ms(at(0.95))}, max ${ms(at(1))}`);
    console.log('  (a step far above p95 is one whose commit ran SQLite\'s WAL auto-checkpoint, as any write can)');
    single.close();

    // 5. Opening runs quick_check over the whole file: its cost grows with the file.
    const openStarted = performance.now();
    openStore({ path: join(dir, 'single.db') }).close();
    const size = statSync(join(dir, 'single.db')).size;
    console.log(`storage: open with quick_check of a ${(size / 1e6).toFixed(1)} MB file: ${ms(performance.now() - openStarted)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) await runStorageBench();
