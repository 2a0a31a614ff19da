/**
 * The one Content-Security-Policy of Synack's UI, for the desktop window and web mode alike:
 * scripts, styles and fonts only from the app's own origin, images also as data: URLs,
 * nothing else (no frames, no objects, no inline script or style, no form posts). No
 * 'unsafe-inline' for styles: the renderer's build emits its CSS as files, and chart.js
 * (canvas) and Svelte's `style:` directives set styles through the CSSOM, which CSP does
 * not restrict.
 *
 * The only part that differs between the modes is where the page may connect: web mode
 * talks to its server over a WebSocket, the desktop window over IPC and so nowhere at all.
 */

/** Every directive, in the order they are written; `connect-src` is filled in per mode. */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': [],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The policy as a header value. `connectSources`: where the page may open connections
 * (fetch, WebSocket); empty means nowhere (`'none'`).
 */
export function buildContentSecurityPolicy(connectSources: readonly string[]): string {
  return Object.entries(CSP_DIRECTIVES)
    .map(([name, fixed]) => {
      const sources = name === 'connect-src' ? connectSources : fixed;
      return `${name} ${sources.length > 0 ? sources.join(' ') : "'none'"}`;
    })
    .join('; ');
}

/** The desktop window's policy: the renderer reaches the service over IPC only. */
export const DESKTOP_CONTENT_SECURITY_POLICY = buildContentSecurityPolicy([]);
