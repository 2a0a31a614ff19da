/**
 * Who may talk to the web server. Checked in this order on every request and upgrade:
 * 1. Host must be `127.0.0.1:PORT` or `localhost:PORT` (DNS rebinding: a page on
 *    evil.example whose name now points to 127.0.0.1 sends `Host: evil.example:PORT`);
 * 2. Origin, when required (WebSocket upgrades, any method but GET/HEAD), must be this
 *    very origin (cross-site WebSocket hijacking, CSRF);
 * 3. the session cookie, or `Authorization: Bearer TOKEN`, must match.
 */
import type { IncomingMessage } from 'node:http';
import { secretMatches } from './secrets.ts';

export interface Refusal {
  readonly status: 401 | 403 | 421;
  readonly reason: string;
}

export interface GuardSecrets {
  /** The port the server listens on (part of every allowed Host and Origin). */
  readonly port: number;
  /** Printed in the URL; redeemed for the session cookie, or sent as a bearer token. */
  readonly token: string;
  /** The cookie's value. */
  readonly session: string;
}

export class RequestGuard {
  readonly #secrets: GuardSecrets;
  readonly #hosts: ReadonlySet<string>;

  constructor(secrets: GuardSecrets) {
    this.#secrets = secrets;
    this.#hosts = new Set([`127.0.0.1:${secrets.port}`, `localhost:${secrets.port}`]);
  }

  /** The cookie's name carries the port: two servers on one machine keep separate sessions. */
  get cookieName(): string {
    return `synack_session_${this.#secrets.port}`;
  }

  /** `Set-Cookie` value handed out for a redeemed token; lives as long as the browser session. */
  sessionCookie(): string {
    return `${this.cookieName}=${this.#secrets.session}; HttpOnly; SameSite=Strict; Path=/`;
  }

  /** Refuses a foreign Host, and a foreign or (when `originRequired`) missing Origin. */
  checkOrigin(request: IncomingMessage, originRequired: boolean): Refusal | undefined {
    const host = request.headers.host?.toLowerCase();
    if (host === undefined || !this.#hosts.has(host)) return { status: 421, reason: 'unknown Host: open the URL printed by synack serve' };
    const origin = request.headers.origin;
    if (origin === undefined) return originRequired ? { status: 403, reason: 'Origin required' } : undefined;
    if (origin.toLowerCase() !== `http://${host}`) return { status: 403, reason: 'cross-origin request refused' };
    return undefined;
  }

  /** True when the request carries the session cookie or the token as a bearer. */
  authenticated(request: IncomingMessage): boolean {
    const auth = request.headers.authorization;
    if (auth !== undefined && /^Bearer /i.test(auth)) return secretMatches(auth.slice(7).trim(), this.#secrets.token);
    return secretMatches(readCookie(request.headers.cookie, this.cookieName), this.#secrets.session);
  }

  /** True when `candidate` is the printed token. */
  tokenMatches(candidate: string | null): boolean {
    return candidate !== null && secretMatches(candidate, this.#secrets.token);
  }
}

/** The value of cookie `name` in a `Cookie` header, if present. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim();
  }
  return undefined;
}
