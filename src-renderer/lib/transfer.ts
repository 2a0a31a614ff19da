/** Files in and out of the browser: read a picked file, offer text or a report as a download. */
import type { ReportFileDto } from '../../src-main/ipc/dto.ts';

export type ExchangeFormat = 'json' | 'csv';

/** The format a file name says (`.csv` is CSV, anything else JSON, which the service checks). */
export function formatOfFile(name: string): ExchangeFormat {
  return name.toLowerCase().endsWith('.csv') ? 'csv' : 'json';
}

/** Saves `text` as a file through the browser's download (no server round trip). */
export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

/** Saves a report the service built (PDF arrives base64-encoded, the rest as text). */
export function downloadReport(file: ReportFileDto): void {
  const body = file.encoding === 'base64' ? Uint8Array.from(atob(file.content), (char) => char.charCodeAt(0)) : file.content;
  downloadBlob(new Blob([body], { type: file.mime }), file.filename);
}

function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const MIME: Readonly<Record<ExchangeFormat, string>> = { json: 'application/json', csv: 'text/csv' };
