/**
 * Takes the README's dashboard screenshots from the real app: `synack serve` on a temp
 * database with loopback endpoints (some with seeded history), shown in Chromium.
 * Run with `npx node scripts/dashboard-screenshots.ts`; writes docs/dashboard-overview.png and
 * docs/dashboard-detail.png.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeHistory } from '../bench/renderer/seed.ts';
import { MonitorService } from '../src-main/core/monitor/monitor-service.ts';
import { openHistoryStore } from '../src-main/core/store/open-history-store.ts';
import { launchChromium } from '../test/support/chromium.ts';
import { ensureRendererBuilt } from '../test/e2e/support/renderer-build.ts';
import { startServe } from '../test/e2e/support/serve-process.ts';
import { closedPort, tcpServer, udpServer } from '../test/support/loopback.ts';
import { makeTempDir } from '../test/support/temp-dir.ts';

const DOCS = fileURLToPath(new URL('../docs/', import.meta.url));
const DAY_SECONDS = 86_400;

interface Spec {
  readonly name: string;
  readonly port: number;
  readonly kind?: 'tcp' | 'udp';
  readonly tags: readonly string[];
  readonly historySeconds?: number;
  readonly failureRate?: number;
  readonly paused?: boolean;
  readonly degradedLatencyMs?: number;
}

const listeners = await Promise.all(Array.from({ length: 6 }, () => tcpServer((socket) => socket.end())));
const echo = await udpServer();
const closed = await closedPort();
const dir = makeTempDir('synack-docs-');
const db = join(dir.path, 'synack.db');
const [api, web, postgres, redis, auth, search] = listeners.map((listener) => listener.port) as [number, number, number, number, number, number];
const specs: Spec[] = [
  { name: 'api-gateway', port: api, tags: ['prod', 'edge'], historySeconds: 7 * DAY_SECONDS, failureRate: 0.003 },
  { name: 'web-frontend', port: web, tags: ['prod', 'web'], historySeconds: DAY_SECONDS, failureRate: 0.0005 },
  { name: 'postgres-primary', port: postgres, tags: ['prod', 'db'], historySeconds: DAY_SECONDS, failureRate: 0 },
  { name: 'redis-cache', port: redis, tags: ['prod', 'db'], historySeconds: DAY_SECONDS, failureRate: 0.001 },
  { name: 'auth-service', port: auth, tags: ['prod'], historySeconds: DAY_SECONDS, failureRate: 0.0002 },
  { name: 'search', port: search, tags: ['prod'], historySeconds: DAY_SECONDS, failureRate: 0.002, degradedLatencyMs: 0.01 },
  { name: 'metrics-collector', port: echo.port, kind: 'udp', tags: ['monitoring'] },
  { name: 'staging-web', port: closed, tags: ['staging', 'web'], historySeconds: DAY_SECONDS, failureRate: 0.01 },
  { name: 'build-runner', port: api, tags: ['ci'], paused: true },
];

try {
  await ensureRendererBuilt();
  const { store } = openHistoryStore(db);
  const seeding = new MonitorService({ store });
  const now = Date.now();
  for (const [index, spec] of specs.entries()) {
    const endpoint = seeding.addEndpoint({
      name: spec.name,
      host: '127.0.0.1',
      port: spec.port,
      kind: spec.kind ?? 'tcp',
      intervalMs: 1000,
      timeoutMs: 500,
      tags: [...spec.tags],
      paused: spec.paused ?? false,
      ...(spec.kind === 'udp' ? { send: { encoding: 'text', value: 'ping' }, expect: { kind: 'any' } } : {}),
      ...(spec.degradedLatencyMs === undefined ? {} : { thresholds: { degradedLatencyMs: spec.degradedLatencyMs } }),
    });
    if (spec.historySeconds) writeHistory(store, endpoint.id, now - 5000, spec.historySeconds, 100 + index, spec.failureRate);
  }
  await seeding.stop();

  const serve = await startServe(['--db', db, '--port', '0']);
  const browser = await launchChromium({ width: 1280, height: 760 });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(serve.url);
    await page.getByTestId('endpoint-row').first().waitFor();
    // Let the sparklines fill with live samples.
    await page.waitForTimeout(45_000);
    await page.reload();
    await page.waitForTimeout(20_000);
    await page.screenshot({ path: join(DOCS, 'dashboard-overview.png') });

    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.getByTestId('endpoint-row').filter({ hasText: 'api-gateway' }).click();
    await page.getByRole('radio', { name: '24 hours' }).click();
    await page.getByRole('img', { name: /^Latency over 1 d/ }).waitFor();
    await page.waitForTimeout(1000);
    await page.screenshot({ path: join(DOCS, 'dashboard-detail.png') });
  } finally {
    await browser.close();
    await serve.stop();
  }
} finally {
  for (const listener of listeners) await listener.close();
  await echo.close();
  dir.remove();
}
