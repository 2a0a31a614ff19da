/**
 * Report exports at scale: a generated raw history of 10 million samples (10 endpoints × 1 M,
 * `BENCH_REPORT_ROWS` to change it) exported by the real CLI (`synack report --samples`) in a
 * child process, whose peak RSS is read from /proc every 50 ms. Target: < 200 MB RSS.
 */
import { spawn } from 'node:child_process';
import { createReadStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt } from './lib/report.ts';
import type { Section, SectionReport } from './lib/section.ts';
import { makeBenchDir } from './lib/temp.ts';
import { generateHistory } from './reports/generate.ts';
import { watchRss } from './reports/watch-rss.ts';

const ROWS = Number(process.env['BENCH_REPORT_ROWS'] ?? 10_000_000);
const ENDPOINTS = 10;
const RSS_TARGET_MB = 200;
const BIN = fileURLToPath(new URL('../bin/synack.js', import.meta.url));
const MB = 2 ** 20;

interface ExportRun {
  readonly code: number | null;
  readonly wallMs: number;
  readonly peakBytes: number;
  readonly rssSamples: number;
  readonly stderr: string;
}

function runExport(args: readonly string[]): Promise<ExportRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    if (child.pid === undefined) {
      reject(new Error('could not start the CLI'));
      return;
    }
    const watch = watchRss(child.pid);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    // Bounded: a stuck export must not hang the benchmark.
    const killer = setTimeout(() => child.kill('SIGKILL'), 30 * 60_000);
    child.once('error', (error) => {
      clearTimeout(killer);
      watch.stop();
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(killer);
      const { peakBytes, samples } = watch.stop();
      resolve({ code, wallMs: performance.now() - started, peakBytes, rssSamples: samples, stderr });
    });
  });
}

async function countLines(path: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buffer = chunk as Buffer;
    for (let i = buffer.indexOf(0x0a); i !== -1; i = buffer.indexOf(0x0a, i + 1)) lines++;
  }
  return lines;
}

export const section: Section = {
  name: 'reports',
  summary: `streamed samples CSV export of ${fmt.count(ROWS)} rows through synack report (peak RSS, rows/s)`,
  async run(log): Promise<SectionReport> {
    const dir = makeBenchDir();
    try {
      const db = join(dir.path, 'bench.db');
      log(`generating ${fmt.count(ROWS)} samples (${ENDPOINTS} endpoints)…`);
      const history = generateHistory(db, ENDPOINTS, Math.ceil(ROWS / ENDPOINTS));
      log(`generated in ${fmt.fixed(history.seconds, 1)} s (${fmt.count(history.rows / history.seconds)} rows/s); database ${fmt.fixed(statSync(db).size / MB, 0)} MB`);
      const samples = join(dir.path, 'samples.csv');
      log('exporting with synack report --samples…');
      const run = await runExport([
        'report', '--from', new Date(history.fromMs).toISOString(), '--to', new Date(history.toMs).toISOString(),
        '-o', join(dir.path, 'summary.csv'), '--samples', samples, '--db', db,
      ]);
      if (run.code !== 0) throw new Error(`synack report exited ${run.code}: ${run.stderr.trim()}`);
      const bytes = statSync(samples).size;
      const rows = (await countLines(samples)) - 1;
      const rowsPerS = rows / (run.wallMs / 1000);
      const peakMb = run.peakBytes / MB;
      log(`exported ${fmt.count(rows)} rows in ${fmt.fixed(run.wallMs / 1000, 1)} s`);
      return {
        tables: [{
          title: 'Samples CSV export (synack report --samples, child process)',
          columns: ['value'],
          rows: [
            ['rows generated', fmt.count(history.rows)],
            ['generation (SQLite CTE, 1 tx per endpoint)', `${fmt.fixed(history.seconds, 1)} s`],
            ['rows exported', fmt.count(rows)],
            ['export wall time (incl. process start)', `${fmt.fixed(run.wallMs / 1000, 1)} s`],
            ['rows/s', fmt.count(rowsPerS)],
            ['CSV size', `${fmt.fixed(bytes / MB, 0)} MB (${fmt.fixed(bytes / Math.max(1, rows), 1)} B/row)`],
            ['peak RSS (VmHWM / VmRSS every 50 ms)', `${fmt.fixed(peakMb, 1)} MB`],
            ['RSS readings', fmt.count(run.rssSamples)],
          ],
        }],
        checks: [
          { name: 'samples export peak RSS', target: `< ${RSS_TARGET_MB} MB`, measured: `${fmt.fixed(peakMb, 1)} MB`, pass: peakMb < RSS_TARGET_MB },
          { name: 'every generated row exported', target: fmt.count(history.rows), measured: fmt.count(rows), pass: rows === history.rows },
        ],
        notes: [
          'Rows are read in keyset pages of 1,000 and written one CSV chunk per page with backpressure; memory does not grow with the row count.',
          'No rollups are generated, so the summary CSV written alongside is all zeros: the figure measured is the raw export.',
        ],
      };
    } finally {
      dir.remove();
    }
  },
};
