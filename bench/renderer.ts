/**
 * Renderer benchmark in Chromium against `synack serve` (the real engine):
 * 1. 200 endpoints probed every second for 60 s (`BENCH_RENDERER_SECONDS` to change): long
 *    tasks, main-thread busy %, JS heap;
 * 2. an endpoint with a week of 1 s history: time to draw its 30-day (and 7-day) chart.
 * Run alone with `npx node bench/renderer.ts`, or as the `renderer` section of `npm run bench`.
 */
import { CHROMIUM_PATH, HAVE_CHROMIUM } from '../test/support/chromium.ts';
import { ensureRendererBuilt } from '../test/e2e/support/renderer-build.ts';
import { fmt, formatChecks, formatTable } from './lib/report.ts';
import type { Section, SectionReport } from './lib/section.ts';
import { measureHistoryCharts } from './renderer/history-chart.ts';
import { measureLiveUpdates } from './renderer/live-updates.ts';

const ENDPOINTS = 200;
const SECONDS = Number(process.env['BENCH_RENDERER_SECONDS'] ?? 60);

export async function runRendererBench(log: (line: string) => void = (line) => console.log(line)): Promise<SectionReport> {
  if (!HAVE_CHROMIUM) return { tables: [], checks: [], notes: [`skipped: ${CHROMIUM_PATH} is not installed (apt-get install -y chromium)`] };
  if (await ensureRendererBuilt()) log('built out/renderer');
  const live = await measureLiveUpdates(ENDPOINTS, SECONDS, log);
  const history = await measureHistoryCharts(log);
  const thirty = history.timings.find((timing) => timing.range === '30 days');
  return {
    tables: [
      {
        title: `Overview with ${live.endpoints} endpoints updating every second (${fmt.fixed(live.seconds, 0)} s, Chromium headless)`,
        columns: ['value'],
        rows: [
          ['rows on screen', fmt.count(live.rows)],
          ['update batches received/s', fmt.fixed(live.pushesPerS, 1)],
          ['DOM mutations/s', fmt.count(live.mutationsPerS)],
          ['long tasks (> 50 ms)', `${live.longTasks}${live.longTasks > 0 ? ` (longest ${fmt.fixed(live.longestTaskMs, 0)} ms)` : ''}`],
          ['main thread busy', `${fmt.fixed(live.busyPct, 1)} %`],
          ['  of which script', `${fmt.fixed(live.scriptPct, 1)} %`],
          ['  of which style + layout', `${fmt.fixed(live.layoutStylePct, 1)} %`],
          ['JS heap used start → peak → end', `${fmt.fixed(live.heapStartMb, 1)} → ${fmt.fixed(live.heapPeakMb, 1)} → ${fmt.fixed(live.heapEndMb, 1)} MB`],
          ['DOM nodes', fmt.count(live.domNodes)],
        ],
      },
      {
        title: `Detail chart of an endpoint with a week of 1 s history (seeded in ${fmt.fixed(history.seedSeconds, 1)} s), click → chart painted`,
        columns: ['first', 'median', 'max', 'points'],
        rows: history.timings.map((timing) => [timing.range, `${fmt.fixed(timing.firstMs, 0)} ms`, `${fmt.fixed(timing.medianMs, 0)} ms`, `${fmt.fixed(timing.maxMs, 0)} ms`, fmt.count(timing.points)]),
      },
    ],
    checks: [
      { name: 'long tasks during live updates', target: 'none > 50 ms', measured: live.longTasks === 0 ? 'none' : `${live.longTasks}, longest ${fmt.fixed(live.longestTaskMs, 0)} ms`, pass: live.longTasks === 0 },
      { name: 'JS heap (peak)', target: '< 150 MB', measured: `${fmt.fixed(live.heapPeakMb, 1)} MB`, pass: live.heapPeakMb < 150 },
      { name: '30-day chart drawn (median)', target: '< 300 ms', measured: `${fmt.fixed(thirty?.medianMs ?? Number.NaN, 0)} ms`, pass: (thirty?.medianMs ?? Infinity) < 300 },
    ],
    notes: [
      ...(live.longTasks > 0 ? [`Long tasks at ${live.longTaskList.map((task) => `+${fmt.fixed(task.atS, 1)} s (${fmt.fixed(task.ms, 0)} ms)`).join(', ')}.`] : []),
      'Busy % is CDP TaskDuration over wall time for the page\'s main thread; the server, the listeners and Chromium share this machine\'s cores.',
      'Chart time includes the WebSocket round trip and the service\'s SQLite rollup query, as a user would see it.',
    ],
  };
}

export const section: Section = {
  name: 'renderer',
  summary: `Chromium: ${ENDPOINTS} endpoints live at 1 Hz for ${SECONDS} s; 30-day chart over a week of 1 s history`,
  run: (log) => runRendererBench(log),
};

if (import.meta.main) {
  const report = await runRendererBench();
  for (const table of report.tables) console.log(`\n${formatTable(table)}`);
  if (report.notes.length > 0) console.log(`\n${report.notes.map((note) => `· ${note}`).join('\n')}`);
  if (report.checks.length > 0) console.log(`\n${formatChecks(report.checks)}`);
}
