/**
 * PDF reports are the HTML report printed by a browser engine. Who prints is a strategy: the
 * desktop app passes Electron's `webContents.printToPDF`, the CLI a headless Chromium
 * (chromium-pdf.ts). Nothing here knows which.
 */
import { renderHtml } from './render-html.ts';
import type { Report } from './report-schema.ts';

/** Prints a self-contained HTML document to PDF bytes. */
export type PrintToPdf = (html: string) => Promise<Uint8Array>;

/** Raised when no PDF printer is available; its message is one line meant for the user. */
export class PdfUnavailableError extends Error {
  override readonly name = 'PdfUnavailableError';
  /** The contract's error code (the dispatcher passes it through). */
  readonly code = 'UNAVAILABLE';
}

/** The HTML of `report`, printed by `printToPdf`. */
export async function renderPdf(report: Report, printToPdf: PrintToPdf): Promise<Uint8Array> {
  return printHtmlToPdf(renderHtml(report), printToPdf);
}

/** Prints already rendered report HTML; checks that what came back is a PDF. */
export async function printHtmlToPdf(html: string, printToPdf: PrintToPdf): Promise<Uint8Array> {
  const pdf = await printToPdf(html);
  if (pdf.length < 5 || Buffer.from(pdf.subarray(0, 5)).toString('latin1') !== '%PDF-') {
    throw new Error('the PDF printer returned something that is not a PDF');
  }
  return pdf;
}
