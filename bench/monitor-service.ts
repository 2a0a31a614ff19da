/**
 * The monitor service at scale: 1,000 endpoints every 1 s, then 10,000 every 10 s, against
 * loopback listeners in a child process, with the real scheduler, state machines, SQLite
 * writer and rollups. Then history queries on a generated week of 1 s samples.
 * `BENCH_MONITOR_SECONDS` shortens the runs (default 60 s each, as the issue asks).
 */
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { MonitorService } from '../src-main/core/monitor/monitor-service.ts';
import { openHistoryStore, type SqliteHistoryStore } from '../src-main/core/store/open-history-store.ts';
import { startListeners } from './lib/listeners.ts';
import { startMeter } from './lib/meter.ts';
import { fmt } from './lib/report.ts';
import type { Check, Section, SectionReport } from './lib/section.ts';
import { quantileSorted, Samples } from './lib/stats.ts';
import { makeBenchDir } from './lib/temp.ts';

const SECONDS = Number(process.env['BENCH_MONITOR_SECONDS'] ?? 60);

interface ScaleResult {
  readonly endpoints: number;
  readonly intervalMs: number;
  readonly expectedPerS: number;
  readonly achievedPerS: number;
  readonly slipP99Ms: number;
  readonly lagP99Ms: number;
  readonly cpuPct: number;
  readonly rssStartMb: number;
  readonly rssEndMb: number;
  readonly writtenPerS: number;
  readonly bytesPerSample: number;
  /** The samples table alone (dbstat), per raw sample. */
  readonly rawBytesPerSample: number;
}

async function runScale(endpoints: number, intervalMs: number, log: (line: string) => void): Promise<ScaleResult> {
  const dir = makeBenchDir();
  const listeners = await startListeners(16);
  const dbPath = join(dir.path, 'bench.db');
  await seedEndpoints(dbPath, endpoints, intervalMs, listeners.ports);
  const bytesBefore = tableBytes(dbPath);
  const { store } = openHistoryStore(dbPath);
  const slips = new Samples();
  const service = new MonitorService({ store, concurrency: 512, onSlip: (slip) => slips.push(slip) });
  let stopped = false;
  try {
    log(`${endpoints} endpoints every ${intervalMs / 1000} s for ${SECONDS} s…`);
    service.start();
    // Let the spread first runs settle before measuring.
    await sleep(intervalMs + 500);
    const writtenBefore = (store as SqliteHistoryStore).raw.writer.stats.written;
    const slipsBefore = slips.count;
    const rssStart = process.memoryUsage().rss;
    const meter = startMeter();
    await sleep(SECONDS * 1000);
    const reading = meter.stop();
    const rssEnd = process.memoryUsage().rss;
    store.flush();
    const written = (store as SqliteHistoryStore).raw.writer.stats.written - writtenBefore;
    const sorted = slips.sorted().slice(slipsBefore);
    const measured = slips.count - slipsBefore;
    const total = (store as SqliteHistoryStore).raw.writer.stats.written;
    await service.stop();
    stopped = true;
    const bytesAfter = tableBytes(dbPath);
    const rawBytes = tableBytes(dbPath, ['samples', 'strings']);
    return {
      endpoints,
      intervalMs,
      expectedPerS: (endpoints * 1000) / intervalMs,
      achievedPerS: (measured / reading.wallMs) * 1000,
      slipP99Ms: quantileSorted(sorted, 0.99),
      lagP99Ms: reading.lagP99Ms,
      cpuPct: (reading.cpuMs / reading.wallMs) * 100,
      rssStartMb: rssStart / 2 ** 20,
      rssEndMb: rssEnd / 2 ** 20,
      writtenPerS: (written / reading.wallMs) * 1000,
      bytesPerSample: (bytesAfter - bytesBefore) / Math.max(1, total),
      rawBytesPerSample: rawBytes / Math.max(1, total),
    };
  } finally {
    if (!stopped) await service.stop();
    await listeners.close();
    dir.remove();
  }
}

async function seedEndpoints(dbPath: string, count: number, intervalMs: number, ports: readonly number[]): Promise<void> {
  const { store } = openHistoryStore(dbPath);
  const service = new MonitorService({ store });
  const rows = Array.from({ length: count }, (_, i) => `e${i},127.0.0.1,${ports[i % ports.length]},${intervalMs},500`);
  const report = service.importEndpoints(['name,host,port,intervalMs,timeoutMs', ...rows].join('\n'), 'csv');
  await service.stop();
  if (report.problems.length > 0) throw new Error(`seeding endpoints failed: ${JSON.stringify(report.problems[0])}`);
}

/** Bytes SQLite uses for these tables and their indexes, or for every table (the dbstat virtual table; WAL frames are read through). */
function tableBytes(path: string, tables?: readonly string[]): number {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const rows = db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name').all() as { name: string; bytes: number }[];
    const indexes = db.prepare("SELECT name, tbl_name FROM sqlite_schema WHERE type = 'index'").all() as { name: string; tbl_name: string }[];
    const owner = new Map(indexes.map((index) => [index.name, index.tbl_name]));
    return rows.filter((row) => tables === undefined || tables.includes(owner.get(row.name) ?? row.name)).reduce((sum, row) => sum + row.bytes, 0);
  } finally {
    db.close();
  }
}


function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export const section: Section = {
  name: 'monitor-service',
  summary: `scheduler + state + SQLite at 1,000 endpoints/1 s and 10,000/10 s (${SECONDS} s each)`,
  async run(log): Promise<SectionReport> {
    const small = await runScale(1000, 1000, log);
    const large = await runScale(10_000, 10_000, log);
    const row = (label: string, value: (r: ScaleResult) => string): [string, string, string] => [label, value(small), value(large)];
    const checks: Check[] = [];
    for (const r of [small, large]) {
      const tag = `${fmt.count(r.endpoints)}/${r.intervalMs / 1000}s`;
      checks.push(
        { name: `${tag} schedule slip p99`, target: '< 5 ms', measured: `${fmt.fixed(r.slipP99Ms, 2)} ms`, pass: r.slipP99Ms < 5 },
        { name: `${tag} event-loop lag p99`, target: '< 5 ms', measured: `${fmt.fixed(r.lagP99Ms, 2)} ms`, pass: r.lagP99Ms < 5 },
        { name: `${tag} CPU`, target: '< 20 % of one core', measured: `${fmt.fixed(r.cpuPct, 1)} %`, pass: r.cpuPct < 20 },
        { name: `${tag} probe rate vs schedule`, target: '≥ 99 %', measured: `${fmt.fixed((r.achievedPerS / r.expectedPerS) * 100, 1)} %`, pass: r.achievedPerS >= r.expectedPerS * 0.99 },
        { name: `${tag} database per raw sample`, target: '≤ 60 bytes', measured: `${fmt.fixed(r.rawBytesPerSample, 1)} B raw (${fmt.fixed(r.bytesPerSample, 1)} B all tables)`, pass: r.rawBytesPerSample <= 60 },
      );
    }
    return {
      tables: [
        {
          title: 'Monitor service under load (loopback listeners in a child process)',
          columns: ['metric', '1,000 × 1 s', '10,000 × 10 s'],
          rows: [
            row('scheduled probes/s', (r) => fmt.count(r.expectedPerS)),
            row('achieved probes/s', (r) => fmt.fixed(r.achievedPerS, 1)),
            row('schedule slip p99', (r) => `${fmt.fixed(r.slipP99Ms, 2)} ms`),
            row('event-loop lag p99', (r) => `${fmt.fixed(r.lagP99Ms, 2)} ms`),
            row('CPU (% of one core)', (r) => `${fmt.fixed(r.cpuPct, 1)} %`),
            row('RSS start → end', (r) => `${fmt.fixed(r.rssStartMb, 0)} → ${fmt.fixed(r.rssEndMb, 0)} MB`),
            row('samples written/s', (r) => fmt.fixed(r.writtenPerS, 1)),
            row('database bytes per sample (all tables)', (r) => `${fmt.fixed(r.bytesPerSample, 1)} B`),
            row('raw sample table bytes per sample', (r) => `${fmt.fixed(r.rawBytesPerSample, 1)} B`),
          ],
        },
      ],
      checks,
      notes: [
        'All tables: growth of the pages in use (dbstat, all tables and indexes) over the run ÷ samples written, rollups and events included; at a 10 s interval per-minute rollup rows (one per endpoint per minute for only 6 samples) dominate.',
        'Raw: pages of the samples table and its interned strings (dbstat) ÷ samples written.',
      ],
    };
  },
};
