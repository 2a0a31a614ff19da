/**
 * `synack report` arguments: parsed with node:util parseArgs, then checked into a plain
 * request. Every mistake is a UsageError naming the argument (the command exits 2).
 */
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { isTimeZone } from '../../core/report/app-info.ts';
import { REPORT_FORMATS, type ReportFormat } from '../../core/report/report-request.ts';
import { DURATION_EXAMPLES, parseDuration } from '../../core/util/duration.ts';
import { DB_OPTION } from '../service/db-option.ts';
import { UsageError } from '../usage-error.ts';

export const REPORT_OPTIONS = {
  ...DB_OPTION,
  since: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  endpoint: { type: 'string', multiple: true },
  tag: { type: 'string', multiple: true },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  samples: { type: 'string' },
  machine: { type: 'string' },
  tz: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface ReportArgs {
  readonly from: number;
  readonly to: number;
  readonly endpointNames: readonly string[];
  readonly tags: readonly string[];
  readonly format: ReportFormat;
  /** A file, or `-` for stdout (text formats). */
  readonly output: string;
  /** Also write every raw sample as CSV here. */
  readonly samples: string | undefined;
  readonly machine: string | undefined;
  readonly timeZone: string | undefined;
  readonly db: string | undefined;
}

const EXTENSIONS: Readonly<Record<string, ReportFormat>> = { '.html': 'html', '.htm': 'html', '.pdf': 'pdf', '.csv': 'csv', '.json': 'json' };

/** Parses argv; `help: true` when the user asked for the usage. Throws UsageError. */
export function parseReportArgs(argv: readonly string[], now: number): { help: true } | { help: false; args: ReportArgs } {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: REPORT_OPTIONS, allowPositionals: false, strict: true }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return { help: true };
  const { from, to } = range(values, now);
  const output = values.output;
  if (output === undefined || output === '') throw new UsageError('-o/--output: required (a file, or - for stdout)');
  const format = reportFormat(values.format, output);
  if (output === '-' && format === 'pdf') throw new UsageError('-o/--output: a PDF goes to a file, not stdout');
  if (values.samples === '-' || values.samples === '') throw new UsageError('--samples: needs a file name');
  if (values.samples !== undefined && values.samples === output) throw new UsageError('--samples: must differ from -o/--output');
  if (values.tz !== undefined && !isTimeZone(values.tz)) throw new UsageError(`--tz: "${values.tz}" is not a time zone (e.g. UTC, Europe/Berlin)`);
  if (values.machine !== undefined && values.machine.trim() === '') throw new UsageError('--machine: must not be empty');
  return {
    help: false,
    args: {
      from,
      to,
      endpointNames: values.endpoint ?? [],
      tags: values.tag ?? [],
      format,
      output,
      samples: values.samples,
      machine: values.machine?.trim(),
      timeZone: values.tz,
      db: values.db,
    },
  };
}

function range(values: { since?: string | undefined; from?: string | undefined; to?: string | undefined }, now: number): { from: number; to: number } {
  if (values.since !== undefined && values.from !== undefined) throw new UsageError('--since: give either --since or --from, not both');
  const to = values.to === undefined ? now : isoTime('--to', values.to);
  let from: number;
  if (values.since !== undefined) {
    const span = parseSpan(values.since);
    if (span === undefined || span <= 0) throw new UsageError(`--since: "${values.since}" is not a duration (use ${DURATION_EXAMPLES}, 24h, 7d)`);
    from = to - span;
  } else if (values.from !== undefined) {
    from = isoTime('--from', values.from);
  } else {
    throw new UsageError('--since or --from: a range is required (e.g. --since 24h)');
  }
  if (to <= from) throw new UsageError(`--to: must be after --from (${new Date(from).toISOString()})`);
  return { from, to };
}

/** A duration as everywhere (`90m`, `24h`), or days first for report ranges: `7d`, `1d12h`. */
function parseSpan(text: string): number | undefined {
  const days = /^\s*(\d+(?:\.\d+)?)d(.*)$/.exec(text);
  if (!days) return parseDuration(text);
  const rest = days[2]!.trim() === '' ? 0 : parseDuration(days[2]!);
  return rest === undefined ? undefined : Number(days[1]) * 86_400_000 + rest;
}

/** An ISO-8601 date or date-time; a time without a zone is read as UTC's, never as this machine's. */
function isoTime(flag: string, text: string): number {
  const trimmed = text.trim();
  const match = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(trimmed);
  const ms = match ? Date.parse(match[1] === undefined && trimmed.length > 10 ? `${trimmed.replace(' ', 'T')}Z` : trimmed.replace(' ', 'T')) : Number.NaN;
  if (!Number.isFinite(ms)) throw new UsageError(`${flag}: "${text}" is not an ISO-8601 time (e.g. 2025-01-14 or 2025-01-14T08:00:00Z)`);
  return ms;
}

function reportFormat(format: string | undefined, output: string): ReportFormat {
  if (format !== undefined) {
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: "${format}" is not ${REPORT_FORMATS.join(', ')}`);
    return format as ReportFormat;
  }
  const inferred = EXTENSIONS[extname(output).toLowerCase()];
  if (inferred === undefined) throw new UsageError(`--format: required (${REPORT_FORMATS.join(', ')}) when -o does not end in .html, .pdf, .csv or .json`);
  return inferred;
}
