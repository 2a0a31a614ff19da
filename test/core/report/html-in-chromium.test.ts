/**
 * The HTML report in real Chromium (no console error, no network request, print CSS), and the
 * PDF printed by the CLI's headless-Chromium printer, checked page by page with pdftoppm.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../../src-main/core/report/build-report.ts';
import { chromiumPrintToPdf } from '../../../src-main/core/report/chromium-pdf.ts';
import { renderPdf } from '../../../src-main/core/report/pdf.ts';
import { renderHtml } from '../../../src-main/core/report/render-html.ts';
import type { Report } from '../../../src-main/core/report/report-schema.ts';
import { HAVE_CHROMIUM, launchChromium } from '../../support/chromium.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { DAY, openFixture, type Fixture } from './fixture.ts';

const ARTIFACTS = join(import.meta.dirname, '../../../test-artifacts');

if (!HAVE_CHROMIUM) console.warn('html-in-chromium: /usr/bin/chromium is not installed; the browser and PDF tests do not run');

describe.runIf(HAVE_CHROMIUM)('HTML and PDF report in real Chromium', () => {
  let fixture: Fixture;
  let report: Report;
  let dir: ReturnType<typeof makeTempDir>;
  beforeAll(() => {
    fixture = openFixture();
    dir = makeTempDir('synack-report-html-');
    mkdirSync(ARTIFACTS, { recursive: true });
    report = buildReport(fixture.service, { from: fixture.t0, to: fixture.t0 + DAY }, { machine: 'probe-01.example', timeZone: 'Europe/Berlin', version: '0.1.0', now: () => fixture.now });
  });
  afterAll(async () => {
    await fixture.close();
    dir.remove();
  });

  it('renders with no console error, no script and no network request; screenshot saved', async () => {
    const file = join(dir.path, 'report.html');
    writeFileSync(file, renderHtml(report));
    const url = pathToFileURL(file).href;
    const browser = await launchChromium();
    try {
      const requests: string[] = [];
      const errors: string[] = [];
      const { context } = browser;
      context.on('request', (request) => {
        if (request.url() !== url) requests.push(request.url());
      });
      await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(url, { waitUntil: 'load' });
      expect(await page.locator('h1').textContent()).toBe('Network availability report');
      expect(await page.locator('svg.chart').count()).toBe(6);
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.locator('#endpoint-1 h3:has-text("Incidents") + table tbody tr').count()).toBe(3);
      const overview = await page.locator('section.overall table').innerText();
      expect(overview).toContain('99.548 %');
      expect(overview).toContain('91.666 %');
      expect(await page.locator('.narrative').innerText()).toBe(report.overall.summary);
      // Every chart drew something: the gateway's latency band and its failure bars.
      expect(await page.locator('#endpoint-1 svg.chart').first().locator('polyline.median').count()).toBeGreaterThan(0);
      expect(await page.locator('#endpoint-1 svg.chart').nth(1).locator('rect').count()).toBeGreaterThan(3);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('section.endpoint').first().evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page');
      await page.emulateMedia({ media: 'screen' });
      const shot = join(ARTIFACTS, 'report.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(50_000);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('prints to a PDF that pdftoppm turns into non-trivial pages', async () => {
    const pdf = await renderPdf(report, chromiumPrintToPdf());
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const pdfFile = join(ARTIFACTS, 'report.pdf');
    writeFileSync(pdfFile, pdf);
    const pages = join(dir.path, 'pages');
    mkdirSync(pages);
    execFileSync('pdftoppm', ['-png', '-r', '60', pdfFile, join(pages, 'page')], { timeout: 60_000 });
    const pngs = readdirSync(pages).filter((name) => name.endsWith('.png')).sort();
    // The summary, then each of the three endpoints from a new page.
    expect(pngs.length).toBeGreaterThanOrEqual(4);
    for (const png of pngs.slice(0, 4)) expect(statSync(join(pages, png)).size).toBeGreaterThan(15_000);
    copyFileSync(join(pages, pngs[0]!), join(ARTIFACTS, 'report-pdf-page-1.png'));
  }, 90_000);
});
