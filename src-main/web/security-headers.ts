/**
 * Headers every web-mode response carries. The CSP is the desktop window's: scripts, styles
 * and fonts only from the server itself, images also as data: URLs, and WebSocket
 * connections only back to this server on either loopback name. No 'unsafe-inline' for
 * styles: the renderer's build emits its CSS as files; chart.js (canvas) and Svelte's `style:`
 * and `style={…}` set styles through the CSSOM, which CSP does not restrict; Svelte's templates
 * are parsed in an inert <template> and cloned, which Chromium does not block either (checked
 * in test/web/browser.test.ts).
 */
import type { OutgoingHttpHeaders } from 'node:http';

/** The Content-Security-Policy for a server on 127.0.0.1:`port`. */
export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Security headers for any response (pages, files, errors, metrics). */
export function securityHeaders(port: number): OutgoingHttpHeaders {
  return {
    'Content-Security-Policy': contentSecurityPolicy(port),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };
}
