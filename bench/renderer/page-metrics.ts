/**
 * What the renderer costs in the page: long tasks (PerformanceObserver 'longtask'), main-thread
 * busy time and JS heap (Chrome DevTools Protocol `Performance.getMetrics`).
 */
import type { CDPSession, Page } from 'playwright-core';

export interface LongTask {
  readonly start: number;
  readonly duration: number;
}

/** Starts recording long tasks in the page (kept on `globalThis.__longTasks`). */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const tasks: { start: number; duration: number }[] = [];
    (globalThis as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** Long tasks that started at or after `since` (page time, ms). */
export async function longTasksSince(page: Page, since: number): Promise<LongTask[]> {
  return page.evaluate((since) => (globalThis as unknown as { __longTasks: LongTask[] }).__longTasks.filter((task) => task.start >= since), since);
}

export async function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

export interface CdpMetrics {
  /** Main-thread task time so far, seconds. */
  readonly taskSeconds: number;
  readonly scriptSeconds: number;
  readonly layoutSeconds: number;
  readonly styleSeconds: number;
  readonly heapUsedBytes: number;
  readonly heapTotalBytes: number;
  readonly nodes: number;
}

export async function cdpMetrics(cdp: CDPSession): Promise<CdpMetrics> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string): number => metrics.find((metric) => metric.name === name)?.value ?? Number.NaN;
  return {
    taskSeconds: value('TaskDuration'),
    scriptSeconds: value('ScriptDuration'),
    layoutSeconds: value('LayoutDuration'),
    styleSeconds: value('RecalcStyleDuration'),
    heapUsedBytes: value('JSHeapUsedSize'),
    heapTotalBytes: value('JSHeapTotalSize'),
    nodes: value('Nodes'),
  };
}
