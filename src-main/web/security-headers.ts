/**
 * Headers every web-mode response carries. The CSP is the desktop window's (one policy in
 * `security/content-security-policy.ts`), plus WebSocket connections back to this server on
 * either loopback name.
 */
import type { OutgoingHttpHeaders } from 'node:http';
import { buildContentSecurityPolicy } from '../security/content-security-policy.ts';

/** The Content-Security-Policy for a server on 127.0.0.1:`port`. */
export function contentSecurityPolicy(port: number): string {
  return buildContentSecurityPolicy(["'self'", `ws://127.0.0.1:${port}`, `ws://localhost:${port}`]);
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
