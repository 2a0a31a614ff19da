/**
 * Regenerates docs/report-screenshot.png: the generated test history (test/core/report/fixture.ts)
 * rendered as an HTML report and photographed in headless Chromium (the summary and the first
 * endpoint). `npx node scripts/report-screenshot.ts`; needs /usr/bin/chromium.
 */
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildReport } from '../src-main/core/report/build-report.ts';
import { renderHtml } from '../src-main/core/report/render-html.ts';
import { DAY, openFixture } from '../test/core/report/fixture.ts';
import { launchChromium } from '../test/support/chromium.ts';

const OUT = fileURLToPath(new URL('../docs/report-screenshot.png', import.meta.url));

const fixture = openFixture();
const browser = await launchChromium({ width: 1000, height: 1700 });
try {
  const report = buildReport(fixture.service, { from: fixture.t0, to: fixture.t0 + DAY }, { machine: 'probe-01.example', timeZone: 'Europe/Berlin', now: () => fixture.now });
  const file = join(fixture.dbPath, '..', 'report.html');
  writeFileSync(file, renderHtml(report));
  const page = await browser.context.newPage();
  await page.goto(pathToFileURL(file).href);
  await page.screenshot({ path: OUT, clip: { x: 0, y: 0, width: 1000, height: 1700 } });
  process.stdout.write(`wrote ${OUT} (${Math.round(statSync(OUT).size / 1024)} KB)\n`);
} finally {
  await browser.close();
  await fixture.close();
}
