/** Endpoint files in and out of the browser: read a picked file, offer text as a download. */

export type ExchangeFormat = 'json' | 'csv';

/** The format a file name says (`.csv` is CSV, anything else JSON, which the service checks). */
export function formatOfFile(name: string): ExchangeFormat {
  return name.toLowerCase().endsWith('.csv') ? 'csv' : 'json';
}

/** Saves `text` as a file through the browser's download (no server round trip). */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
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
