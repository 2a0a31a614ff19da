/**
 * Prints report HTML to PDF with a headless Chromium/Chrome found on this machine (the CLI's
 * and the web mode's printer). Each print runs in a fresh temporary profile, removed after,
 * with the browser's own network features off; the page itself has no external reference.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PdfUnavailableError, type PrintToPdf } from './pdf.ts';

/** Where Chromium or Chrome usually lives, tried in order after $SYNACK_CHROMIUM. */
export const CHROMIUM_CANDIDATES: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** The browser to print with: $SYNACK_CHROMIUM when set, else the first candidate that exists. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string | undefined {
  const chosen = env['SYNACK_CHROMIUM'];
  if (chosen) return exists(chosen) ? chosen : undefined;
  return CHROMIUM_CANDIDATES.find((path) => exists(path));
}

export interface ChromiumPdfOptions {
  /** The browser binary. @default findChromium() */
  readonly executable?: string;
  /** Kills the browser if printing takes longer. @default 60000 */
  readonly timeoutMs?: number;
}

/** A PrintToPdf backed by headless Chromium; throws PdfUnavailableError (one line) when there is none. */
export function chromiumPrintToPdf(options: ChromiumPdfOptions = {}): PrintToPdf {
  const executable = options.executable ?? findChromium();
  if (executable === undefined) {
    throw new PdfUnavailableError(
      'PDF needs Chromium or Chrome and none was found: install chromium, set SYNACK_CHROMIUM=/path/to/chrome, or export --format html and print it from a browser',
    );
  }
  return (html) => printWithChromium(executable, html, options.timeoutMs ?? 60_000);
}

async function printWithChromium(executable: string, html: string, timeoutMs: number): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'synack-pdf-'));
  try {
    const page = join(dir, 'report.html');
    const pdf = join(dir, 'report.pdf');
    await writeFile(page, html);
    const args = [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--no-default-browser-check',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-extensions',
      '--disable-default-apps', '--mute-audio', `--user-data-dir=${join(dir, 'profile')}`,
      '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, pathToFileURL(page).href,
    ];
    const { code, stderr } = await run(executable, args, timeoutMs);
    const bytes = await readFile(pdf).catch(() => undefined);
    if (!bytes || bytes.length === 0) {
      const detail = stderr.trim().split('\n').filter(Boolean).at(-1) ?? `exit code ${code}`;
      throw new Error(`Chromium (${executable}) did not print the PDF: ${detail}`);
    }
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  } finally {
    await rm(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
  }
}

function run(executable: string, args: readonly string[], timeoutMs: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    // Its own process group (POSIX): a timeout kills the renderer and helper processes too.
    const group = process.platform !== 'win32';
    const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: group });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      // Keep the tail only: Chromium can be chatty.
      stderr = (stderr + chunk).slice(-4000);
    });
    const timer = setTimeout(() => {
      try {
        if (group && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${executable}: ${error.message}`));
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}
