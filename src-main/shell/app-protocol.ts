/**
 * The desktop window loads the renderer from `app://synack/`, a custom protocol, not from
 * `file://`: every `file://` page shares one origin with every local file (and gets extra
 * privileges unless a fuse removes them), while `app://synack` is one exact origin the IPC
 * sender check can compare against, served only from the built renderer directory (with the
 * web mode's path checks) and always with the CSP header.
 */
import { StaticFiles } from '../web/static-files.ts';
import { DESKTOP_CONTENT_SECURITY_POLICY } from '../security/content-security-policy.ts';

export const APP_SCHEME = 'app';
export const APP_HOST = 'synack';
/** The page the window loads. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * For `protocol.registerSchemesAsPrivileged` (before the app is ready): `standard` so relative
 * URLs and the origin work like http's, `secure` so the page is a secure context. No fetch
 * API, CORS, service workers or CSP bypass.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, bypassCSP: false, allowServiceWorkers: false, stream: false },
} as const;

/** True for a URL of the app's own pages (`app://synack/…`). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Serves `app://synack/<path>` from `rendererDir`; anything else is a 404. */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const files = new StaticFiles(rendererDir);
  return async (request) => {
    if (!isAppUrl(request.url)) return text(404, 'not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'method not allowed');
    const file = await files.lookup(new URL(request.url).pathname);
    if (file === 'bad-request') return text(400, 'bad request');
    if (file === 'not-found') return text(404, 'not found');
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
      status: 200,
      headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': file.contentType },
    });
  };
}

/** Headers of every `app://` response. */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': DESKTOP_CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}
