import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSchema } from '../../../src-main/core/report/report-schema.ts';
import { DAY, openFixture, type Fixture } from '../../core/report/fixture.ts';
import { HAVE_CHROMIUM } from '../../support/chromium.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { runCli } from '../support/run-cli.ts';

let fixture: Fixture;
let out: ReturnType<typeof makeTempDir>;
let range: string[];
beforeAll(async () => {
  // Recent days: the CLI's store runs retention against the real clock.
  const t0 = Math.floor(Date.now() / DAY) * DAY - 3 * DAY;
  fixture = openFixture({ t0, now: Date.now() });
  await fixture.stop();
  out = makeTempDir('synack-report-out-');
  range = ['--from', new Date(t0).toISOString(), '--to', new Date(t0 + DAY).toISOString(), '--db', fixture.dbPath];
});
afterAll(async () => {
  await fixture.close();
  out.remove();
});

const file = (name: string): string => join(out.path, name);

describe('synack report', () => {
  it.each([
    [[], '--since or --from: a range is required'],
    [['--since', 'soon', '-o', 'a.html'], '--since: "soon" is not a duration'],
    [['--from', 'yesterday', '-o', 'a.html'], '--from: "yesterday" is not an ISO-8601 time'],
    [['--from', '2025-01-02', '--to', '2025-01-01', '-o', 'a.html'], '--to: must be after --from'],
    [['--since', '1h', '--from', '2025-01-01', '-o', 'a.html'], '--since: give either --since or --from'],
    [['--since', '1h'], '-o/--output: required'],
    [['--since', '1h', '-o', 'report.txt'], '--format: required'],
    [['--since', '1h', '-o', 'a.html', '--format', 'docx'], '--format: "docx" is not html, pdf, csv, json'],
    [['--since', '1h', '-o', '-', '--format', 'pdf'], '-o/--output: a PDF goes to a file'],
    [['--since', '1h', '-o', 'a.csv', '--samples', 'a.csv'], '--samples: must differ'],
    [['--since', '1h', '-o', 'a.html', '--tz', 'Mars/Olympus'], '--tz: "Mars/Olympus" is not a time zone'],
    [['--since', '1h', '-o', 'a.html', '--bogus'], "Unknown option '--bogus'"],
  ])('exits 2 naming the argument: %j', async (args, message) => {
    const result = await runCli(['report', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`synack report: ${message}`);
  });

  it('exits 2 for an endpoint or tag that matches nothing, 1 without a database', async () => {
    const name = await runCli(['report', ...range, '-o', file('x.html'), '--endpoint', 'nope']);
    expect(name).toMatchObject({ code: 2, stderr: expect.stringContaining('--endpoint: no endpoint named "nope"') });
    const tag = await runCli(['report', ...range, '-o', file('x.html'), '--tag', 'nope']);
    expect(tag).toMatchObject({ code: 2, stderr: expect.stringContaining('--tag: no endpoint is tagged "nope"') });
    const missing = await runCli(['report', '--since', '1h', '-o', file('x.html'), '--db', file('missing.db')]);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('no database at') });
    expect(existsSync(file('missing.db'))).toBe(false);
    expect(existsSync(file('x.html'))).toBe(false);
  });

  it('writes a self-contained HTML report', async () => {
    const result = await runCli(['report', ...range, '-o', file('r.html'), '--machine', 'vantage-7', '--tz', 'UTC']);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toContain(`wrote ${file('r.html')} (html, 3 endpoint(s))`);
    const html = readFileSync(file('r.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<dt>Vantage point</dt><dd>vantage-7</dd>');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('writes JSON for the selected endpoints (--endpoint and --tag), also to stdout', async () => {
    const result = await runCli(['report', ...range, '-o', '-', '--format', 'json', '--endpoint', 'web', '--tag', 'isp']);
    expect(result.code).toBe(0);
    const report = reportSchema.parse(JSON.parse(result.stdout));
    expect(report.endpoints.map((e) => e.name)).toEqual(['isp-gateway', 'web', 'resolver']);
    expect(report.header.selection).toEqual({ endpoints: ['web'], tags: ['isp'] });
    const onlyTag = reportSchema.parse(JSON.parse((await runCli(['report', ...range, '-o', '-', '-f', 'json', '--tag', 'isp'])).stdout));
    expect(onlyTag.endpoints.map((e) => e.name)).toEqual(['isp-gateway', 'resolver']);
    expect(onlyTag.endpoints[0]).toMatchObject({ probes: 86_400, failed: 390, inconclusive: 100 });
  });

  it('stops quietly when the reader of stdout goes away (… | head)', async () => {
    let closed = false;
    const result = await runCli(['report', ...range, '-o', '-', '-f', 'json'], {
      onStdout: (_stdout, child) => {
        if (!closed) child.stdout?.destroy();
        closed = true;
      },
    });
    expect(closed).toBe(true);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/EPIPE|Unhandled|Error/);
  });

  it('writes the summary CSV and, with --samples, every raw sample', async () => {
    const result = await runCli(['report', ...range, '-o', file('summary.csv'), '--samples', file('samples.csv'), '--endpoint', 'resolver']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('(1440 sample row(s))');
    const summary = parse(readFileSync(file('summary.csv')), { columns: true }) as Record<string, string>[];
    expect(summary).toMatchObject([{ endpoint: 'resolver', probes: '1440', failed: '120', failures_dns: '120' }]);
    const samples = parse(readFileSync(file('samples.csv')), { columns: true }) as Record<string, string>[];
    expect(samples).toHaveLength(1440);
    expect(samples.filter((s) => s['failure_class'] === 'dns')).toHaveLength(120);
    expect(readdirSync(out.path).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('says in one line when no browser can print a PDF', async () => {
    const result = await runCli(['report', ...range, '-o', file('r.pdf')], { env: { SYNACK_CHROMIUM: file('no-such-browser') } });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^synack report: PDF needs Chromium or Chrome and none was found/)]);
    expect(existsSync(file('r.pdf'))).toBe(false);
  });

  it.runIf(HAVE_CHROMIUM)('writes a PDF through headless Chromium', async () => {
    const result = await runCli(['report', ...range, '-o', file('r.pdf')], { killAfterMs: 60_000 });
    expect(result.code).toBe(0);
    expect(readFileSync(file('r.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);
});

describe('synack report --since', () => {
  it('accepts days for report ranges (7d, 1d12h) besides the usual durations', async () => {
    const { parseReportArgs } = await import('../../../src-main/cli/report/args.ts');
    const span = (since: string): number => {
      const parsed = parseReportArgs(['--since', since, '-o', 'r.json'], 1_000_000_000_000);
      if (parsed.help) throw new Error('help');
      return parsed.args.to - parsed.args.from;
    };
    expect(span('7d')).toBe(7 * DAY);
    expect(span('1d12h')).toBe(1.5 * DAY);
    expect(span('90m')).toBe(90 * 60_000);
    expect(() => span('1d1d')).toThrow('--since: "1d1d" is not a duration');
  });
});
