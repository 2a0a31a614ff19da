/**
 * Opening long-range charts: an endpoint with a week of 1 s history (604,800 samples), its
 * detail view switched to 30 days (and 7 days): time from the click to the frame after the
 * chart drew the new series, through the real WebSocket, service and SQLite rollups.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../test/support/chromium.ts';
import { startServe } from '../../test/e2e/support/serve-process.ts';
import { makeBenchDir } from '../lib/temp.ts';
import { seedWeekOfHistory } from './seed.ts';

const RUNS = 5;

export interface ChartTiming {
  readonly range: string;
  readonly firstMs: number;
  readonly medianMs: number;
  readonly maxMs: number;
  readonly points: number;
}

export interface HistoryResult {
  readonly seedSeconds: number;
  readonly timings: readonly ChartTiming[];
}

/** Clicks the range button and resolves to ms until the frame after the chart showed that range. */
async function openRange(page: Page, button: string, labelPrefix: string): Promise<{ ms: number; points: number }> {
  return page.evaluate(
    ({ button, labelPrefix }) =>
      new Promise<{ ms: number; points: number }>((resolve, reject) => {
        const target = [...document.querySelectorAll<HTMLButtonElement>('[role="radio"]')].find((element) => element.textContent?.trim() === button);
        if (!target) return reject(new Error(`no range button ${button}`));
        const started = performance.now();
        target.click();
        const check = (): void => {
          const label = document.querySelector('[data-testid="latency-chart"]')?.parentElement?.getAttribute('aria-label') ?? '';
          const points = Number(/(\d+) points/.exec(label)?.[1] ?? 0);
          if (label.startsWith(labelPrefix) && points > 0) {
            // One more frame: the chart has painted.
            requestAnimationFrame(() => resolve({ ms: performance.now() - started, points }));
          } else if (performance.now() - started > 30_000) reject(new Error(`chart never showed ${labelPrefix}`));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    { button, labelPrefix },
  );
}

export async function measureHistoryCharts(log: (line: string) => void): Promise<HistoryResult> {
  const dir = makeBenchDir();
  const db = join(dir.path, 'history.db');
  let serve: Awaited<ReturnType<typeof startServe>> | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  try {
    log('writing a week of 1 s history (604,800 samples)…');
    const seedStarted = performance.now();
    const id = seedWeekOfHistory(db, Date.now());
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    serve = await startServe(['--db', db, '--port', '0']);
    browser = await launchChromium({ width: 1400, height: 900 });
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(serve.url);
    await page.goto(`${serve.origin}/#/endpoint/${id}`);
    await page.getByTestId('endpoint-detail').waitFor({ timeout: 30_000 });
    const timings: ChartTiming[] = [];
    for (const [button, prefix] of [['30 days', 'Latency over 30 d'], ['7 days', 'Latency over 7 d']] as const) {
      const runs: number[] = [];
      let points = 0;
      for (let run = 0; run < RUNS; run++) {
        // Away and back, so every run loads and draws the range afresh.
        await openRange(page, '1 hour', 'Latency over 1 h').catch(() => undefined);
        const result = await openRange(page, button, prefix);
        runs.push(result.ms);
        points = result.points;
      }
      const sorted = [...runs].sort((a, b) => a - b);
      timings.push({ range: button, firstMs: runs[0] ?? Number.NaN, medianMs: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN, maxMs: sorted.at(-1) ?? Number.NaN, points });
      log(`${button}: first ${runs[0]?.toFixed(0)} ms, median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms (${points} points)`);
    }
    return { seedSeconds, timings };
  } finally {
    await browser?.close();
    await serve?.stop();
    dir.remove();
  }
}
