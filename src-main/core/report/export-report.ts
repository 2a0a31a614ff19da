/**
 * One report, any format, as a file to hand over: what the contract's `exportReport` returns
 * and what the CLI writes. The model is built once; each format renders it.
 */
import type { ReportFileDto } from '../../ipc/dto.ts';
import { buildReport, type ReportContext, type ReportSource } from './build-report.ts';
import { printHtmlToPdf, type PrintToPdf } from './pdf.ts';
import { renderHtml } from './render-html.ts';
import { renderSummaryCsv } from './render-csv.ts';
import type { ReportFormat, ReportRequest } from './report-request.ts';
import { reportSchema, type Report } from './report-schema.ts';

export const REPORT_MIME: Readonly<Record<ReportFormat, string>> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
};

/** A rendered report. `content` is text, or base64 for PDF (`encoding` says which). */
export type ReportFile = ReportFileDto;

export interface ExportOptions extends ReportContext {
  /** Needed for PDF; called only then (so a missing printer fails only PDF exports). */
  readonly printToPdf?: () => PrintToPdf;
}

/** Renders a built report; CSV is the summary (one row per endpoint). */
export async function renderReport(report: Report, format: ReportFormat, printToPdf?: () => PrintToPdf): Promise<Uint8Array | string> {
  switch (format) {
    case 'html':
      return renderHtml(report);
    case 'csv':
      return renderSummaryCsv(report);
    case 'json':
      return renderJson(report);
    case 'pdf': {
      if (!printToPdf) throw new Error('no PDF printer was given');
      return printHtmlToPdf(renderHtml(report), printToPdf());
    }
  }
}

/** The JSON export: the model, checked against its published schema first. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(reportSchema.parse(report), null, 2)}\n`;
}

export async function exportReport(source: ReportSource, request: ReportRequest, options: ExportOptions = {}): Promise<ReportFile> {
  const report = buildReport(source, request, options);
  const rendered = await renderReport(report, request.format, options.printToPdf);
  const binary = typeof rendered !== 'string';
  return {
    filename: reportFilename(report, request.format),
    mime: REPORT_MIME[request.format],
    encoding: binary ? 'base64' : 'utf8',
    content: binary ? Buffer.from(rendered).toString('base64') : rendered,
  };
}

/** `synack-report-<machine>-<from>--<to>.<ext>`, safe on every file system. */
export function reportFilename(report: Report, format: ReportFormat): string {
  const stamp = (iso: string): string => iso.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  const machine = report.header.machine.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 40) || 'synack';
  return `synack-report-${machine}-${stamp(report.header.from)}--${stamp(report.header.to)}.${format}`;
}
