/**
 * Endpoints to and from files: JSON with a versioned envelope, and CSV (host,port,name,…).
 * An import is all-or-nothing: every row is validated and checked for duplicates first, and
 * the report lists every problem by row and field.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { z } from 'zod';
import { endpointInputSchema, type EndpointConfig } from './endpoint-schema.ts';
import { issuesOf } from './validation-error.ts';

export const EXPORT_FORMAT_VERSION = 1;
export type ExchangeFormat = 'json' | 'csv';

export interface ImportProblem {
  /** 1-based row (CSV data row, or JSON array index + 1). */
  readonly row: number;
  readonly field: string;
  readonly message: string;
}

export type ImportResult =
  | { readonly ok: true; readonly endpoints: readonly EndpointConfig[] }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] };

const envelopeSchema = z.object({
  synack: z.literal('endpoints', { error: 'must be "endpoints" (not a Synack endpoints file?)' }),
  version: z.literal(EXPORT_FORMAT_VERSION, { error: `must be ${EXPORT_FORMAT_VERSION}` }),
  endpoints: z.array(z.unknown()).max(10_000, 'must hold at most 10,000 endpoints'),
});

/** The CSV columns, in order. `send` and `expect` use the CLI's forms (text; `/re/` for a regex). */
export const CSV_COLUMNS = ['name', 'host', 'port', 'kind', 'intervalMs', 'timeoutMs', 'send', 'expect', 'tags', 'paused'] as const;

export function exportEndpoints(endpoints: readonly EndpointConfig[], format: ExchangeFormat): string {
  const plain = endpoints.map(toPortable);
  if (format === 'json') return `${JSON.stringify({ synack: 'endpoints', version: EXPORT_FORMAT_VERSION, endpoints: plain }, null, 2)}\n`;
  const rows = endpoints.map((endpoint) => [
    endpoint.name,
    endpoint.host,
    endpoint.port,
    endpoint.kind,
    endpoint.intervalMs,
    endpoint.timeoutMs,
    endpoint.send?.encoding === 'hex' ? `hex:${endpoint.send.value}` : (endpoint.send?.value ?? ''),
    expectationText(endpoint.expect),
    endpoint.tags.join(';'),
    endpoint.paused ? 'true' : 'false',
  ]);
  return stringifyCsv(rows, { header: true, columns: [...CSV_COLUMNS] });
}

/** Parses and validates a file's text. `existingNames` are reported as duplicates, never merged. */
export function importEndpoints(text: string, format: ExchangeFormat, existingNames: ReadonlySet<string>): ImportResult {
  const rows = format === 'json' ? jsonRows(text) : csvRows(text);
  if (!rows.ok) return rows;
  const problems: ImportProblem[] = [];
  const endpoints: EndpointConfig[] = [];
  const seen = new Map<string, number>();
  rows.values.forEach((value, index) => {
    const row = index + 1;
    const parsed = endpointInputSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of issuesOf(parsed.error, value)) problems.push({ row, ...issue });
      return;
    }
    const name = parsed.data.name;
    const earlier = seen.get(name.toLowerCase());
    if (earlier !== undefined) problems.push({ row, field: 'name', message: `"${name}" duplicates row ${earlier}` });
    else if (existingNames.has(name)) problems.push({ row, field: 'name', message: `"${name}" already exists` });
    seen.set(name.toLowerCase(), earlier ?? row);
    endpoints.push(parsed.data);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, endpoints };
}

type Rows = { ok: true; values: unknown[] } | { ok: false; problems: ImportProblem[] };

function jsonRows(text: string): Rows {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ row: 0, field: '', message: `is not valid JSON: ${(error as Error).message}` }] };
  }
  const envelope = envelopeSchema.safeParse(data);
  if (!envelope.success) return { ok: false, problems: issuesOf(envelope.error, data).map((issue) => ({ row: 0, ...issue })) };
  return { ok: true, values: envelope.data.endpoints };
}

function csvRows(text: string): Rows {
  let records: Record<string, string>[];
  try {
    records = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
  } catch (error) {
    return { ok: false, problems: [{ row: 0, field: '', message: `is not valid CSV: ${(error as Error).message}` }] };
  }
  const header = records[0] ? Object.keys(records[0]) : [];
  const unknown = header.filter((column) => !(CSV_COLUMNS as readonly string[]).includes(column));
  if (unknown.length > 0) return { ok: false, problems: [{ row: 0, field: unknown[0] ?? '', message: `is not a known column (known: ${CSV_COLUMNS.join(', ')})` }] };
  return { ok: true, values: records.map(csvRecordToInput) };
}

function csvRecordToInput(record: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const set = (key: string, value: unknown): void => {
    if (value !== undefined && value !== '') input[key] = value;
  };
  set('name', record['name']);
  set('host', record['host']);
  set('port', numberOrText(record['port']));
  set('kind', record['kind']);
  set('intervalMs', numberOrText(record['intervalMs']));
  set('timeoutMs', numberOrText(record['timeoutMs']));
  const send = record['send'];
  if (send) set('send', send.startsWith('hex:') ? { encoding: 'hex', value: send.slice(4) } : { encoding: 'text', value: send });
  const expect = record['expect'];
  if (expect) {
    const regex = /^\/(.*)\/([a-z]*)$/s.exec(expect);
    set('expect', regex ? { kind: 'regex', source: regex[1], flags: regex[2] } : { kind: 'string', value: expect });
  }
  const tags = record['tags'];
  if (tags) set('tags', tags.split(';').map((tag) => tag.trim()).filter(Boolean));
  const paused = record['paused'];
  if (paused) set('paused', paused === 'true' ? true : paused === 'false' ? false : paused);
  return input;
}

/** Numbers stay numbers; anything else is passed through so the schema names the field. */
function numberOrText(value: string | undefined): unknown {
  if (value === undefined || value === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}

function expectationText(expect: EndpointConfig['expect']): string {
  if (!expect || expect.kind === 'any') return '';
  return expect.kind === 'string' ? expect.value : `/${expect.source}/${expect.flags}`;
}

/** The config without identity fields: what a file carries. */
function toPortable(endpoint: EndpointConfig): EndpointConfig {
  const { name, host, port, kind, intervalMs, timeoutMs, family, send, expect, heartbeat, tags, thresholds, paused, dependsOn } = endpoint;
  return {
    name, host, port, kind, intervalMs, timeoutMs, family, heartbeat, tags, thresholds, paused,
    ...(send === undefined ? {} : { send }),
    ...(expect === undefined ? {} : { expect }),
    ...(dependsOn === undefined ? {} : { dependsOn }),
  };
}
