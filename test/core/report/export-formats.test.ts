import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILURE_CLASSES } from '../../../src-main/core/classify/failure-classes.ts';
import { exportReport, reportFilename } from '../../../src-main/core/report/export-report.ts';
import { SUMMARY_COLUMNS } from '../../../src-main/core/report/render-csv.ts';
import { reportSchema, REPORT_SCHEMA_VERSION } from '../../../src-main/core/report/report-schema.ts';
import { SAMPLE_COLUMNS, writeSamplesCsv, type SampleSource } from '../../../src-main/core/report/samples-csv.ts';
import { reportSchemaText, REPORT_SCHEMA_FILE } from '../../../scripts/report-schema.ts';
import { DAY, INCONCLUSIVE, openFixture, OUTAGES, type Fixture } from './fixture.ts';

let fixture: Fixture;
let from: number;
let to: number;
beforeAll(() => {
  fixture = openFixture();
  from = fixture.t0;
  to = fixture.t0 + DAY;
});
afterAll(() => fixture.close());

const context = (): { machine: string; timeZone: string; now: () => number } => ({ machine: 'probe 01/lab', timeZone: 'UTC', now: () => fixture.now });

describe('JSON export', () => {
  it('validates against its zod schema and carries the schema version', async () => {
    const file = await exportReport(fixture.service, { from, to, format: 'json' }, context());
    expect(file).toMatchObject({ mime: 'application/json', encoding: 'utf8', filename: 'synack-report-probe_01_lab-20250114-0000--20250115-0000.json' });
    const parsed = reportSchema.parse(JSON.parse(file.content));
    expect(parsed.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(parsed.endpoints.map((e) => [e.name, e.probes])).toEqual([['isp-gateway', 86_400], ['web', 8640], ['resolver', 1440]]);
    expect(parsed.endpoints[0]!.incidents.map((i) => i.durationMs)).toEqual([300_000, 60_000, 30_000]);
  });

  it('is documented by the committed docs/report.schema.json (regenerate with npm run docs:schema)', () => {
    expect(readFileSync(REPORT_SCHEMA_FILE, 'utf8')).toBe(reportSchemaText());
    const schema = JSON.parse(reportSchemaText()) as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(['schema', 'schemaVersion', 'header', 'overall', 'endpoints']);
  });

  it('rejects a model that breaks the schema (the renderer checks before writing)', () => {
    expect(reportSchema.safeParse({ schema: 'synack-report', schemaVersion: 2 }).success).toBe(false);
  });
});

describe('summary CSV', () => {
  it('has one row per endpoint with the documented columns, parsed back with csv-parse', async () => {
    const file = await exportReport(fixture.service, { from, to, format: 'csv' }, context());
    expect(file.mime).toBe('text/csv; charset=utf-8');
    const rows = parse(file.content, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...SUMMARY_COLUMNS]);
    expect(rows.map((r) => r['endpoint'])).toEqual(['isp-gateway', 'web', 'resolver']);
    const gateway = rows[0]!;
    expect(gateway).toMatchObject({
      host: '203.0.113.1', port: '443', kind: 'tcp', tags: 'isp', from: '2025-01-14T00:00:00.000Z', to: '2025-01-15T00:00:00.000Z',
      probes: '86400', ok: '85910', failed: '390', inconclusive: '100', incidents: '3', incident_ms: '390000',
      failures_refused: '300', failures_timeout: '70', 'failures_host-unreachable': '20', failures_dns: '0',
    });
    expect(Number(gateway['availability_pct'])).toBeCloseTo((85_910 / 86_300) * 100, 6);
    expect(Number(gateway['loss_pct'])).toBeCloseTo((70 / 86_300) * 100, 6);
    expect(FAILURE_CLASSES.reduce((sum, c) => sum + Number(gateway[`failures_${c}`]), 0)).toBe(390);
    expect(rows[1]).toMatchObject({ availability_pct: '100', failed: '0' });
  });
});

describe('samples CSV (streamed)', () => {
  it('writes one row per probe with the documented columns', async () => {
    const path = join(fixture.dbPath, '..', 'samples.csv');
    const progress: number[] = [];
    const rows = await writeSamplesCsv(fixture.service, [{ id: fixture.endpoints.gateway.id, name: 'isp-gateway' }, { id: fixture.endpoints.resolver.id, name: 'resolver' }], from, to, createWriteStream(path), {
      onProgress: (n) => progress.push(n),
      progressEvery: 20_000,
    });
    expect(rows).toBe(86_400 + 1440);
    expect(progress.at(-1)).toBe(rows);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const parsed = parse(readFileSync(path), { columns: true }) as Record<string, string>[];
    expect(parsed).toHaveLength(rows);
    expect(Object.keys(parsed[0]!)).toEqual([...SAMPLE_COLUMNS]);
    const outage = OUTAGES[1]!;
    expect(parsed[outage.from]).toEqual({
      timestamp: new Date(from + outage.from * 1000).toISOString(), endpoint: 'isp-gateway', endpoint_id: String(fixture.endpoints.gateway.id),
      kind: 'tcp', ok: 'false', latency_ms: '', dns_ms: '0', connect_ms: '', first_byte_ms: '',
      failure_class: 'refused', code: 'ECONNREFUSED', errno: '-111', address: '203.0.113.1', inconclusive: 'false', syn_retransmits: '0',
    });
    const sample = fixture.gatewaySamples[1]!;
    expect(parsed[1]).toMatchObject({ ok: 'true', latency_ms: String(sample.latencyMs), connect_ms: String(sample.latencyMs), failure_class: '', code: '' });
    expect(parsed[INCONCLUSIVE.from]).toMatchObject({ inconclusive: 'true', failure_class: 'net-unreachable', code: 'ENETUNREACH' });
    expect(parsed[1000]).toMatchObject({ syn_retransmits: '1' });
    expect(parsed.filter((r) => r['endpoint'] === 'resolver')).toHaveLength(1440);
    expect(parsed.at(-1)!['timestamp']).toBe(new Date(to - 60_000).toISOString());
  });

  it('pulls pages only as fast as a slow destination takes them (backpressure)', async () => {
    let yielded = 0;
    const source: SampleSource = {
      *samplePages(id, f, t, pageSize) {
        for (const page of fixture.service.samplePages(id, f, t, pageSize)) {
          yielded += page.length;
          yield page;
        }
      },
    };
    let written = 0;
    let maxAhead = 0;
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, callback) {
        for (const byte of chunk) if (byte === 0x0a) written++;
        maxAhead = Math.max(maxAhead, yielded - written);
        setImmediate(callback);
      },
    });
    const rows = await writeSamplesCsv(source, [{ id: fixture.endpoints.gateway.id, name: 'isp-gateway' }], from, from + 6 * 3_600_000, slow, { pageSize: 500 });
    expect(rows).toBe(6 * 3600);
    // Without backpressure all 21,600 rows would be read before the first write completes.
    expect(maxAhead).toBeLessThanOrEqual(4 * 500);
  });

  it('stops when aborted', async () => {
    const abort = new AbortController();
    const sink = new Writable({ write: (_chunk, _encoding, callback) => setImmediate(callback) });
    const done = writeSamplesCsv(fixture.service, [{ id: fixture.endpoints.gateway.id, name: 'g' }], from, to, sink, {
      pageSize: 100, progressEvery: 1000, onProgress: (n) => n >= 2000 && abort.abort(), signal: abort.signal,
    });
    await expect(done).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('file names', () => {
  it('are safe and say the machine and range', async () => {
    const file = await exportReport(fixture.service, { from, to: from + 90 * 60_000, format: 'html' }, { ...context(), machine: '../../etc' });
    expect(file.filename).toBe('synack-report-.._.._etc-20250114-0000--20250114-0130.html');
    expect(reportFilename(JSON.parse((await exportReport(fixture.service, { from, to, format: 'json' }, { ...context(), machine: 'a b' })).content), 'pdf'))
      .toBe('synack-report-a_b-20250114-0000--20250115-0000.pdf');
  });
});

describe('PDF through a given printer (how the desktop shell passes Electron printToPDF)', () => {
  it('hands the printer the report HTML and returns its bytes as base64', async () => {
    const seen: string[] = [];
    const printer = async (html: string): Promise<Uint8Array> => {
      seen.push(html);
      return new TextEncoder().encode('%PDF-1.7 fake');
    };
    const file = await exportReport(fixture.service, { from, to, format: 'pdf' }, { ...context(), printToPdf: () => printer });
    expect(file).toMatchObject({ mime: 'application/pdf', encoding: 'base64' });
    expect(Buffer.from(file.content, 'base64').toString()).toBe('%PDF-1.7 fake');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toContain('<h1>Network availability report</h1>');
  });

  it('refuses what is not a PDF', async () => {
    const printer = async (): Promise<Uint8Array> => new TextEncoder().encode('<html>');
    await expect(exportReport(fixture.service, { from, to, format: 'pdf' }, { printToPdf: () => printer })).rejects.toThrow('not a PDF');
  });
});
