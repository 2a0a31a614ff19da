import { join } from 'node:path';
import { launchChromium } from './test/support/chromium.ts';
import { startServe } from './test/e2e/support/serve-process.ts';
import { startListeners } from './bench/lib/listeners.ts';
import { makeBenchDir } from './bench/lib/temp.ts';
import { seedEndpoints } from './bench/renderer/seed.ts';
const dir = makeBenchDir();
const listeners = await startListeners(16);
const db = join(dir.path, 'live.db');
await seedEndpoints(db, 200, 1000, listeners.ports);
const serve = await startServe(['--db', db, '--port', '0']);
const browser = await launchChromium({ width: 1400, height: 900 });
const page = browser.context.pages()[0]!;
await page.goto(serve.url);
await page.waitForFunction(() => document.querySelectorAll('[data-testid="endpoint-row"]').length === 200);
await page.waitForTimeout(3000);
const cdp = await browser.context.newCDPSession(page);
const events: any[] = [];
cdp.on('Tracing.dataCollected', (e: any) => events.push(...e.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8', transferMode: 'ReportEvents' } as any);
await page.waitForTimeout(30_000);
await cdp.send('Tracing.end');
await done;
// main thread of renderer: find thread with most RunTask in devtools.timeline
const runTasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X');
const byThread = new Map<string, any[]>();
for (const e of runTasks) { const k = e.pid + ':' + e.tid; (byThread.get(k) ?? byThread.set(k, []).get(k)!).push(e); }
const names = new Map<string, string>();
for (const e of events) if (e.name === 'thread_name') names.set(e.pid + ':' + e.tid, e.args.name);
for (const [k, list] of byThread) {
  const long = list.filter((e) => e.dur > 30_000);
  const total = list.reduce((s, e) => s + e.dur, 0);
  console.log(k, names.get(k), 'tasks', list.length, 'busy ms', (total / 1000).toFixed(0), 'long>30ms', long.length);
  if (names.get(k) === 'CrRendererMain') {
    for (const t of long) {
      const kids = events.filter((e) => e.pid + ':' + e.tid === k && e.ph === 'X' && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e !== t);
      const agg = new Map<string, number>();
      for (const c of kids) agg.set(c.name, (agg.get(c.name) ?? 0) + (c.dur ?? 0));
      console.log('  long task', (t.dur / 1000).toFixed(1), 'ms:', [...agg].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, d]) => `${n} ${(d / 1000).toFixed(1)}`).join(', '));
    }
    const agg = new Map<string, number>();
    for (const c of events) if (c.pid + ':' + c.tid === k && c.ph === 'X' && c.name !== 'RunTask') agg.set(c.name, (agg.get(c.name) ?? 0) + (c.dur ?? 0));
    console.log('  totals', [...agg].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([n, d]) => `${n} ${(d / 1000).toFixed(0)}`).join(', '));
  }
}
await browser.close(); await serve.stop(); await listeners.close(); dir.remove();
