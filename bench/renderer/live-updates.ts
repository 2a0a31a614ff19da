/**
 * The overview under live load: `synack serve` probing `endpoints` loopback targets every
 * second, Chromium showing all of them, measured for `seconds`.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../test/support/chromium.ts';
import { startServe } from '../../test/e2e/support/serve-process.ts';
import { startListeners } from '../lib/listeners.ts';
import { makeBenchDir } from '../lib/temp.ts';
import { cdpMetrics, longTasksSince, observeLongTasks, pageNow } from './page-metrics.ts';
import { seedEndpoints } from './seed.ts';

export interface LiveResult {
  readonly endpoints: number;
  readonly seconds: number;
  /** Rows on screen when measuring began. */
  readonly rows: number;
  readonly longTasks: number;
  readonly longestTaskMs: number;
  /** When each long task started, seconds into the run, and how long it took (ms). */
  readonly longTaskList: readonly { readonly atS: number; readonly ms: number }[];
  readonly busyPct: number;
  readonly scriptPct: number;
  readonly layoutStylePct: number;
  readonly heapStartMb: number;
  readonly heapPeakMb: number;
  readonly heapEndMb: number;
  readonly domNodes: number;
  /** Update batches the page received per second. */
  readonly pushesPerS: number;
  /** DOM mutations per second (what the live updates changed on screen). */
  readonly mutationsPerS: number;
}

export async function measureLiveUpdates(endpoints: number, seconds: number, log: (line: string) => void): Promise<LiveResult> {
  const dir = makeBenchDir();
  const listeners = await startListeners(16);
  const db = join(dir.path, 'live.db');
  let serve: Awaited<ReturnType<typeof startServe>> | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  try {
    await seedEndpoints(db, endpoints, 1000, listeners.ports);
    serve = await startServe(['--db', db, '--port', '0']);
    browser = await launchChromium({ width: 1400, height: 900 });
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    // Bench-side instrumentation (CDP init script, not part of the app): count pushes as they arrive.
    await page.addInitScript(() => {
      const Native = WebSocket;
      const counter = { pushes: 0 };
      (globalThis as unknown as { __pushes: typeof counter }).__pushes = counter;
      globalThis.WebSocket = class extends Native {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(url, protocols);
          this.addEventListener('message', (event) => {
            if (typeof event.data === 'string' && event.data.startsWith('{"push"')) counter.pushes++;
          });
        }
      };
    });
    await page.goto(serve.url);
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid="endpoint-row"]').length === count, endpoints, { timeout: 30_000 });
    await page.evaluate(() => {
      const counts = { mutations: 0 };
      (globalThis as unknown as { __counts: typeof counts }).__counts = counts;
      new MutationObserver((records) => (counts.mutations += records.length)).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await observeLongTasks(page);
    // Let the first probes' state changes (pending → up) settle.
    await page.waitForTimeout(3000);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const since = await pageNow(page);
    const pushesBefore = await pushes(page);
    const mutationsBefore = await mutations(page);
    const before = await cdpMetrics(cdp);
    const wallStart = performance.now();
    let heapPeak = before.heapUsedBytes;
    log(`${endpoints} endpoints updating every second, measuring for ${seconds} s…`);
    const deadline = wallStart + seconds * 1000;
    while (performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(2000, deadline - performance.now())));
      heapPeak = Math.max(heapPeak, (await cdpMetrics(cdp)).heapUsedBytes);
    }
    const after = await cdpMetrics(cdp);
    const wallSeconds = (performance.now() - wallStart) / 1000;
    const tasks = await longTasksSince(page, since);
    const rows = await page.locator('[data-testid="endpoint-row"]').count();
    const pushCount = (await pushes(page)) - pushesBefore;
    const mutationCount = (await mutations(page)) - mutationsBefore;
    return {
      endpoints,
      seconds: wallSeconds,
      rows,
      longTasks: tasks.length,
      longestTaskMs: Math.max(0, ...tasks.map((task) => task.duration)),
      longTaskList: tasks.map((task) => ({ atS: (task.start - since) / 1000, ms: task.duration })),
      busyPct: ((after.taskSeconds - before.taskSeconds) / wallSeconds) * 100,
      scriptPct: ((after.scriptSeconds - before.scriptSeconds) / wallSeconds) * 100,
      layoutStylePct: ((after.layoutSeconds - before.layoutSeconds + after.styleSeconds - before.styleSeconds) / wallSeconds) * 100,
      heapStartMb: before.heapUsedBytes / 2 ** 20,
      heapPeakMb: heapPeak / 2 ** 20,
      heapEndMb: after.heapUsedBytes / 2 ** 20,
      domNodes: after.nodes,
      pushesPerS: pushCount / wallSeconds,
      mutationsPerS: mutationCount / wallSeconds,
    };
  } finally {
    await browser?.close();
    await serve?.stop();
    await listeners.close();
    dir.remove();
  }
}

function pushes(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as { __pushes: { pushes: number } }).__pushes.pushes);
}

function mutations(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as { __counts: { mutations: number } }).__counts.mutations);
}
