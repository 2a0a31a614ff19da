import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/ipc/dispatch.ts';
import { OPERATIONS } from '../../src-main/ipc/contract.ts';
import type { ReportFileDto } from '../../src-main/ipc/dto.ts';
import { reportSchema } from '../../src-main/core/report/report-schema.ts';
import { HAVE_CHROMIUM } from '../support/chromium.ts';
import { DAY, openFixture, type Fixture } from '../core/report/fixture.ts';

let fixture: Fixture;
beforeAll(() => {
  fixture = openFixture();
});
afterAll(() => fixture.close());

describe('exportReport through the contract', () => {
  it('has a channel and validates its arguments, naming the field', async () => {
    expect(OPERATIONS.exportReport.channel).toBe('synack:reports:export');
    const bad = async (request: unknown): Promise<unknown> => dispatch(fixture.service, 'exportReport', [request]);
    expect(await bad({ from: 10, to: 5, format: 'json' })).toMatchObject({ ok: false, code: 'VALIDATION', field: 'to' });
    expect(await bad({ from: 0, to: 5, format: 'docx' })).toMatchObject({ ok: false, code: 'VALIDATION', field: 'format', message: expect.stringContaining('html, pdf, csv or json') });
    expect(await bad({ from: 0, to: 5, format: 'csv', extra: 1 })).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await bad({ from: 0, to: 5, format: 'csv', endpointIds: [999] })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it.each([
    ['html', 'text/html; charset=utf-8', (text: string) => expect(text).toMatch(/^<!doctype html>/)],
    ['csv', 'text/csv; charset=utf-8', (text: string) => expect(text.split('\n')[0]).toMatch(/^endpoint,host,port,/)],
    ['json', 'application/json', (text: string) => expect(reportSchema.parse(JSON.parse(text)).endpoints).toHaveLength(2)],
  ] as const)('returns a %s file for the selected endpoints', async (format, mime, check) => {
    const result = await dispatch(fixture.service, 'exportReport', [{ from: fixture.t0, to: fixture.t0 + DAY, tags: ['isp'], format }]);
    expect(result.ok).toBe(true);
    const file = (result as { value: ReportFileDto }).value;
    expect(file).toMatchObject({ mime, encoding: 'utf8', filename: expect.stringMatching(new RegExp(`^synack-report-probe-01\\.example-20250114-0000--20250115-0000\\.${format}$`)) });
    check(file.content);
  });

  it.runIf(HAVE_CHROMIUM)('returns a PDF as base64 (printed by headless Chromium when the shell gives no printer)', async () => {
    const result = await dispatch(fixture.service, 'exportReport', [{ from: fixture.t0, to: fixture.t0 + DAY, format: 'pdf' }]);
    const file = (result as { value: ReportFileDto }).value;
    expect(file).toMatchObject({ mime: 'application/pdf', encoding: 'base64' });
    expect(Buffer.from(file.content, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);
});
