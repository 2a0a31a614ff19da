/**
 * The dashboard end to end: real Chromium against `synack serve` running the real engine on
 * a temp database, probing a real loopback listener. Screenshots go to test-artifacts/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tcpServer, type TcpFixture } from '../support/loopback.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { CHROMIUM_PATH, HAVE_CHROMIUM, launchChromium, type TestBrowser } from '../support/chromium.ts';
import { ensureRendererBuilt } from './support/renderer-build.ts';
import { startServe, type ServeProcess } from './support/serve-process.ts';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
if (!HAVE_CHROMIUM) console.log(`Skipping the dashboard end-to-end tests: ${CHROMIUM_PATH} is not installed (apt-get install -y chromium)`);

/** Pixels of a canvas close to an RGB colour (anti-aliasing blurs edges, so "close"). */
async function pixelsOfColour(page: Page, testId: string, rgb: readonly [number, number, number]): Promise<number> {
  return page.evaluate(
    ({ testId, rgb }) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="${testId}"]`);
      const data = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      if (!data) return -1;
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        const close = Math.abs((data[i] ?? 0) - rgb[0]) + Math.abs((data[i + 1] ?? 0) - rgb[1]) + Math.abs((data[i + 2] ?? 0) - rgb[2]) < 60;
        if (close && (data[i + 3] ?? 0) > 200) count++;
      }
      return count;
    },
    { testId, rgb },
  );
}

/** Status code of a GET made outside the browser (no cookie), with the given Host header. */
function statusOf(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe.skipIf(!HAVE_CHROMIUM)('dashboard in Chromium against synack serve', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let listener: TcpFixture | undefined;
  let serve: ServeProcess | undefined;
  let browser: TestBrowser | undefined;
  let page: Page;
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await ensureRendererBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = makeTempDir();
    listener = await tcpServer();
    serve = await startServe(['--db', join(dir.path, 'synack.db'), '--port', '0']);
    browser = await launchChromium({ width: 1280, height: 860 });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error' || message.text().includes('Content Security Policy')) consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    await listener?.close();
    dir?.remove();
  });

  it('signs in with the printed URL and shows the empty overview', async () => {
    await page.goto(serve!.url);
    expect(page.url()).toBe(`${serve!.origin}/`);
    await expect.poll(() => page.getByText('No endpoints yet').isVisible()).toBe(true);
  });

  it('refuses a request without the token and one with a foreign Host', async () => {
    const port = serve!.port;
    expect(await statusOf(port, '/', `127.0.0.1:${port}`)).toBe(401);
    expect(await statusOf(port, `/?token=${serve!.token}`, `evil.example:${port}`)).toBe(421);
    const refusal = await page.evaluate(
      (port) =>
        new Promise<string>((resolve) => {
          // From the page's origin but to the other loopback name: a different origin, so no cookie and a foreign Origin.
          const socket = new WebSocket(`ws://localhost:${port}/api`);
          socket.onopen = () => resolve('open');
          socket.onerror = () => resolve('refused');
        }),
      port,
    );
    expect(refusal).toBe('refused');
  });

  it('shows a bad form input as an error on its field, and Escape closes the form', async () => {
    await page.getByTestId('add-endpoint').click();
    const dialog = page.getByRole('dialog', { name: 'Add endpoint' });
    await dialog.getByLabel('Port', { exact: true }).fill('70000');
    await dialog.getByLabel('Name', { exact: true }).focus();
    await expect.poll(() => dialog.getByTestId('field-error').textContent()).toBe('Port must be between 1 and 65535');
    expect(await dialog.getByLabel('Port', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  it('adds an endpoint through the form and shows it up with a latency', async () => {
    await page.getByTestId('add-endpoint').click();
    const dialog = page.getByRole('dialog', { name: 'Add endpoint' });
    await dialog.getByLabel('Name', { exact: true }).fill('loopback service');
    await dialog.getByLabel('Host', { exact: true }).fill('127.0.0.1');
    await dialog.getByLabel('Port', { exact: true }).fill(String(listener!.port));
    await dialog.getByLabel('Interval (ms)', { exact: true }).fill('1000');
    await dialog.getByLabel('Timeout (ms)', { exact: true }).fill('500');
    await dialog.getByLabel('Tags', { exact: true }).fill('e2e, local');
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    // Saving opens the endpoint; Escape returns to the overview.
    await page.getByTestId('endpoint-detail').waitFor();
    await page.keyboard.press('Escape');
    const row = page.getByTestId('endpoint-row').filter({ hasText: 'loopback service' });
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 10_000 }).toBe('up');
    await expect.poll(() => row.getByTestId('latency').textContent()).toMatch(/^\d+(\.\d+)? (ms|s)$/);
    expect(await row.textContent()).toContain(`127.0.0.1:${listener!.port}`);
    await expect.poll(() => row.locator('polyline').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // Stay up for several samples, so the detail chart later has a median line to draw (not a dot).
    const points = async (): Promise<number> => ((await row.locator('polyline').first().getAttribute('points')) ?? '').trim().split(/\s+/).length;
    await expect.poll(points, { timeout: 15_000 }).toBeGreaterThanOrEqual(5);
    await page.screenshot({ path: join(ARTIFACTS, 'e2e-overview-up.png') });
  });

  it('turns the endpoint down with the class refused and its hint when the listener stops', async () => {
    await listener!.close();
    listener = undefined;
    const row = page.getByTestId('endpoint-row').filter({ hasText: 'loopback service' });
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('down');
    expect(await row.getByText('Down', { exact: true }).isVisible()).toBe(true);
    const failure = row.getByTestId('failure');
    expect(await failure.textContent()).toContain('Refused');
    expect(await failure.textContent()).toContain('check that the service is running and bound to this address and port');
    expect(await row.getByTestId('latency').textContent()).toBe('—');
    await expect.poll(() => page.getByTestId('announcer').textContent()).toContain('loopback service is down: refused');
    await page.screenshot({ path: join(ARTIFACTS, 'e2e-overview-down.png') });
  });

  it('opens the detail view from the keyboard and draws the latency and failure charts', async () => {
    const row = page.getByTestId('endpoint-row').filter({ hasText: 'loopback service' });
    await row.focus();
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('endpoint-detail');
    await detail.waitFor();
    expect(await detail.getByTestId('failure-explanation').textContent()).toContain('nothing is listening on that port');

    const chartBox = page.getByRole('img', { name: /^Latency over 15 min/ });
    await expect.poll(async () => Number(/(\d+) points/.exec((await chartBox.getAttribute('aria-label')) ?? '')?.[1] ?? 0)).toBeGreaterThan(0);
    expect(await chartBox.getAttribute('aria-label')).toMatch(/failures: Refused \d+/);
    // The median line (light theme: #1565c0) and the refused marks (#d62728) were painted.
    // A few seconds of "up" on a 15-minute axis is a short line: any painted pixels count.
    await expect.poll(() => pixelsOfColour(page, 'latency-chart', [21, 101, 192])).toBeGreaterThan(3);
    await expect.poll(() => pixelsOfColour(page, 'latency-chart', [214, 39, 40])).toBeGreaterThan(5);
    await expect.poll(() => pixelsOfColour(page, 'failure-chart', [214, 39, 40])).toBeGreaterThan(20);
    expect(await page.getByTestId('latency-legend').textContent()).toMatch(/Refused \(\d+\)/);
    expect(Number(/\d+/.exec((await page.getByTestId('failure-total').textContent()) ?? '')?.[0])).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('events').textContent()).toMatch(/Up →\s*Down\s*Refused/);

    await detail.getByTestId('probe-now').click();
    await expect.poll(() => page.getByTestId('probe-result').textContent()).toMatch(/Refused.*ECONNREFUSED/s);
    expect(await page.getByTestId('phases').textContent()).toContain('Refused');
    await page.screenshot({ path: join(ARTIFACTS, 'e2e-detail.png'), fullPage: true });
  });

  it("saves an HTML report of the endpoint from its detail view", async () => {
    await page.getByTestId('report-button').click();
    const dialog = page.getByRole('dialog', { name: 'Report for loopback service' });
    await dialog.getByLabel('Format', { exact: true }).selectOption('html');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Save report' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^synack-report.*\.html$/);
    const path = join(ARTIFACTS, 'e2e-report.html');
    await file.saveAs(path);
    expect(readFileSync(path, 'utf8')).toContain('loopback service');
  });

  it('ran without script errors or CSP violations', () => {
    expect(pageErrors).toEqual([]);
    // The refused WebSocket of the Host/Origin test is the one expected error.
    expect(consoleErrors.filter((text) => !text.includes(`ws://localhost:${serve!.port}/api' failed`))).toEqual([]);
    expect(consoleErrors.filter((text) => text.includes('Content Security Policy'))).toEqual([]);
  });
});
