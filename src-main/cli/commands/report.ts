/**
 * `synack report`: a report over a time range as HTML, PDF, CSV or JSON, built from the
 * database through the service, plus (with --samples) every raw sample as a streamed CSV.
 */
import { createWriteStream, existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import type { Endpoint } from '../../core/endpoints/endpoint-schema.ts';
import { buildReport } from '../../core/report/build-report.ts';
import { chromiumPrintToPdf } from '../../core/report/chromium-pdf.ts';
import { renderReport } from '../../core/report/export-report.ts';
import { PdfUnavailableError, type PrintToPdf } from '../../core/report/pdf.ts';
import { writeSamplesCsv } from '../../core/report/samples-csv.ts';
import { defaultDbPath } from '../../core/store/paths.ts';
import type { Command } from '../command.ts';
import { processIo, type CliIo } from '../io.ts';
import { parseReportArgs, type ReportArgs } from '../report/args.ts';
import { rowProgress } from '../report/progress.ts';
import { DB_USAGE, openService } from '../service/db-option.ts';
import { UsageError } from '../usage-error.ts';

export const REPORT_USAGE = `Usage:
  synack report (--since 24h | --from TIME [--to TIME]) [--endpoint NAME]... [--tag TAG]...
                [--format html|pdf|csv|json] -o FILE [--samples FILE] [--machine NAME] [--tz ZONE]

Writes a report over the range: availability, loss, latency, failures by class, incidents
and charts per endpoint. The format follows -o's extension unless --format says otherwise.

Options:
  --since DURATION  the range ends now (or at --to) and lasts this long: 90m, 24h, 7d
  --from TIME       start, ISO-8601 (2025-01-14, 2025-01-14T08:00:00Z; no zone means UTC)
  --to TIME         end (default: now)
  --endpoint NAME   only this endpoint (repeatable; with --tag, endpoints matching either)
  --tag TAG         only endpoints with this tag (repeatable)
  -f, --format F    html (one self-contained file), pdf (needs Chromium/Chrome),
                    csv (one summary row per endpoint), json (schema: docs/report.schema.json)
  -o, --output FILE where to write the report; - for stdout (not pdf)
  --samples FILE    also write every raw sample in the range as CSV (streamed; any size)
  --machine NAME    the vantage point's name in the header (default: this host's name)
  --tz ZONE         time zone for local times in html/pdf (default: this machine's)
${DB_USAGE}
`;

export async function runReportCommand(argv: readonly string[], io: CliIo, now: () => number = Date.now): Promise<number> {
  let args: ReportArgs;
  try {
    const parsed = parseReportArgs(argv, now());
    if (parsed.help) {
      io.out(REPORT_USAGE);
      return 0;
    }
    args = parsed.args;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`synack report: ${error.message}\n`);
    return 2;
  }
  const dbPath = args.db ?? defaultDbPath({ env: process.env });
  if (!existsSync(dbPath)) {
    io.err(`synack report: no database at ${dbPath} (pass --db PATH; "synack run" creates it)\n`);
    return 1;
  }
  let printer: PrintToPdf | undefined;
  if (args.format === 'pdf') {
    try {
      printer = chromiumPrintToPdf();
    } catch (error) {
      if (!(error instanceof PdfUnavailableError)) throw error;
      io.err(`synack report: ${error.message}\n`);
      return 1;
    }
  }
  let service;
  try {
    service = openService(dbPath, io.err);
  } catch (error) {
    io.err(`synack report: cannot open the database: ${(error as Error).message}\n`);
    return 1;
  }
  const abort = new AbortController();
  const stopListening = io.listenForInterrupt(() => abort.abort());
  try {
    const endpointIds = endpointsByName(service.listEndpoints(), args);
    const report = buildReport(
      service,
      { from: args.from, to: args.to, endpointIds, tags: args.tags },
      { ...(args.machine === undefined ? {} : { machine: args.machine }), ...(args.timeZone === undefined ? {} : { timeZone: args.timeZone }) },
    );
    const rendered = await renderReport(report, args.format, printer && (() => printer));
    await writeOutput(args.output, rendered, io);
    if (args.output !== '-') io.err(`synack report: wrote ${args.output} (${args.format}, ${report.endpoints.length} endpoint(s))\n`);
    if (args.samples !== undefined) {
      const total = report.endpoints.reduce((sum, e) => sum + e.probes, 0);
      const progress = rowProgress(io.err, io.errIsTty === true, 'samples', total);
      const rows = await atomically(args.samples, (path) =>
        writeSamplesCsv(service, report.endpoints, args.from, args.to, createWriteStream(path), { onProgress: (n) => progress.update(n), signal: abort.signal }),
      ).finally(() => progress.done());
      io.err(`synack report: wrote ${args.samples} (${rows} sample row(s))\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`synack report: ${error.message}\n`);
      return 2;
    }
    if (abort.signal.aborted) {
      io.err('synack report: interrupted; partial files removed\n');
      return 1;
    }
    io.err(`synack report: ${(error as Error).message}\n`);
    return 1;
  } finally {
    stopListening();
    await service.stop();
  }
}

/** Ids of the endpoints named by --endpoint; every name and tag must match something. */
function endpointsByName(endpoints: readonly Endpoint[], args: ReportArgs): number[] {
  const ids = args.endpointNames.map((name) => {
    const endpoint = endpoints.find((e) => e.name === name);
    if (!endpoint) throw new UsageError(`--endpoint: no endpoint named "${name}"`);
    return endpoint.id;
  });
  for (const tag of args.tags) {
    if (!endpoints.some((e) => e.tags.includes(tag))) throw new UsageError(`--tag: no endpoint is tagged "${tag}"`);
  }
  return ids;
}

async function writeOutput(output: string, content: Uint8Array | string, io: CliIo): Promise<void> {
  if (output === '-') {
    // parseReportArgs sends PDF (the one binary format) to a file only.
    if (typeof content !== 'string') throw new Error('a binary report cannot go to stdout');
    io.out(content);
    // Still listening for EPIPE (`synack report -o - … | head`) until the text has left.
    await io.drainOut?.();
    return;
  }
  await atomically(output, (path) => writeFile(path, content));
}

/** Writes through `path.partial`, renamed into place on success and removed on failure. */
async function atomically<T>(path: string, write: (partial: string) => Promise<T>): Promise<T> {
  const partial = `${path}.partial`;
  try {
    const result = await write(partial);
    await rename(partial, path);
    return result;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

export const command: Command = {
  summary: 'write a report (html, pdf, csv, json) over a time range',
  run: (argv) => runReportCommand(argv, processIo()),
};
