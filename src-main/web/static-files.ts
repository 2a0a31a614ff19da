/**
 * The built renderer, served read-only. A request path can never leave the root: it is
 * decoded, resolved against the root and checked against the root's prefix, and the real
 * path (after symlinks) is checked again. Hidden files are never served.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
  readonly isHtml: boolean;
}

export type StaticLookup = StaticFile | 'not-found' | 'bad-request';

/** The content type served for a file name. */
export function contentTypeOf(fileName: string): string {
  return CONTENT_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

export class StaticFiles {
  readonly #root: string;
  #realRoot: string | undefined;

  /** `root`: the directory to serve (e.g. `out/renderer`). */
  constructor(root: string) {
    this.#root = resolve(root);
  }

  get root(): string {
    return this.#root;
  }

  /** Finds the file for a URL path (`/` is `index.html`). Never throws for a bad path. */
  async lookup(pathname: string): Promise<StaticLookup> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return 'bad-request';
    }
    if (decoded.includes('\0') || decoded.includes('\\')) return 'bad-request';
    const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
    if (relative.split('/').some((part) => part.startsWith('.'))) return 'not-found';
    const file = resolve(this.#root, relative);
    if (!file.startsWith(this.#root + sep)) return 'not-found';
    try {
      const realRoot = (this.#realRoot ??= await realpath(this.#root));
      const real = await realpath(file);
      if (!real.startsWith(realRoot + sep) || !(await stat(real)).isFile()) return 'not-found';
      const contentType = contentTypeOf(real);
      return { body: await readFile(real), contentType, isHtml: contentType.startsWith('text/html') };
    } catch {
      return 'not-found';
    }
  }
}
