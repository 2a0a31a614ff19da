/** Parses `host:port` and `[v6]:port` command-line targets. */
import { isIP } from 'node:net';
import type { Target } from '../../core/probe/types.ts';
import { UsageError } from '../usage-error.ts';

/** A target as the user named it, plus the canonical `host:port` label used in every output line. */
export interface CliTarget extends Target {
  /** `host:port`, with IPv6 literals in brackets: `[::1]:80`. */
  readonly label: string;
}

const HOST_NAME = /^(?=.{1,253}\.?$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62})(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62}))*\.?$/;

/** Parses one target; throws UsageError naming the target and the rule it breaks. */
export function parseTarget(text: string): CliTarget {
  const fail: (why: string) => never = (why) => {
    throw new UsageError(`target "${text}": ${why}`);
  };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) fail(`a URL is not a target; write HOST:PORT, e.g. ${urlExample(text)}`);
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(text);
  let host: string;
  let portText: string | undefined;
  if (bracketed) {
    host = bracketed[1] ?? '';
    portText = bracketed[2];
    if (isIP(host) !== 6) fail(`"${host}" is not an IPv6 address`);
  } else {
    const colons = text.split(':').length - 1;
    if (colons > 1) fail(`IPv6 addresses go in brackets with the port after them, e.g. ${bracketExample(text)}`);
    const at = text.lastIndexOf(':');
    host = at < 0 ? text : text.slice(0, at);
    portText = at < 0 ? undefined : text.slice(at + 1);
    if (host === '') fail('missing host (write HOST:PORT, e.g. example.com:443)');
    if (isIP(host) !== 4 && !HOST_NAME.test(host)) fail(`"${host}" is not a host name or IP address`);
  }
  if (portText === undefined || portText === '') return fail(`missing port (write HOST:PORT, e.g. ${formatTarget(host, 443)})`);
  const port = parsePort(portText);
  if (port === undefined) return fail(`port "${portText}" is not a number`);
  if (port < 1 || port > 65535) fail(`port ${port} is out of range (1-65535)`);
  return { host, port, label: formatTarget(host, port) };
}

/** `host:port`, bracketing IPv6 literals. */
export function formatTarget(host: string, port: number): string {
  return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}

/** `::1:80` is itself a valid IPv6 address, but `[::1]:80` is what was almost certainly meant. */
function bracketExample(text: string): string {
  const at = text.lastIndexOf(':');
  const prefix = text.slice(0, at);
  const last = text.slice(at + 1);
  if (isIP(prefix) === 6 && /^\d{1,5}$/.test(last)) return `[${prefix}]:${last}`;
  return isIP(text) === 6 ? `[${text}]:PORT` : '[::1]:80';
}

const SCHEME_PORTS: Readonly<Record<string, number>> = { 'http:': 80, 'https:': 443, 'ftp:': 21, 'ssh:': 22 };

function urlExample(text: string): string {
  try {
    const url = new URL(text);
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = url.port === '' ? SCHEME_PORTS[url.protocol] : Number(url.port);
    return formatTarget(host, port ?? 443);
  } catch {
    return 'example.com:443';
  }
}

function parsePort(text: string): number | undefined {
  return /^\d{1,10}$/.test(text) ? Number(text) : undefined;
}
