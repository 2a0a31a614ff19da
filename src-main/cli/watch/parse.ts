/**
 * Small parsers for `synack watch` arguments: HOST:PORT, durations, payloads.
 *
 * MERGE NOTE: `parseDurationMs` is a stand-in for the shared `src-main/core/util/duration.ts`
 * being written on another branch; swap it for that one at merge (same contract: text → ms or
 * undefined). `parseHostPort` likewise if the probe command brings a shared target parser.
 */
import type { Target } from '../../core/probe/types.ts';

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `500ms`, `2s`, `1.5m`, `1h`; a bare number is seconds (as in ping -i). Undefined when malformed. */
export function parseDurationMs(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]);
  const unit = UNITS[(match[2] ?? 's').toLowerCase()] ?? 1000;
  const ms = value * unit;
  return Number.isFinite(ms) ? ms : undefined;
}

/** `host:port`, `1.2.3.4:80`, `[::1]:443`. Undefined when malformed (the port range is checked by the probe). */
export function parseHostPort(text: string): Target | undefined {
  const bracketed = /^\[([^\]]+)\]:(\d+)$/.exec(text);
  const plain = /^([^:\s]+):(\d+)$/.exec(text);
  const match = bracketed ?? plain;
  if (!match) return undefined;
  const port = Number(match[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  return { host: match[1]!, port };
}

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { r: 13, n: 10, t: 9, '0': 0, '\\': 92 };

/** Text with C-style escapes (`\r`, `\n`, `\t`, `\0`, `\\`, `\xHH`) as bytes; undefined for a bad escape. */
export function parseEscapedText(text: string): Buffer | undefined {
  const parts: Buffer[] = [];
  for (const [, hex, escaped, plain] of text.matchAll(/\\x([0-9a-fA-F]{2})|\\(.?)|([^\\]+)/gsu)) {
    if (plain !== undefined) parts.push(Buffer.from(plain, 'utf8'));
    else if (hex !== undefined) parts.push(Buffer.from([Number.parseInt(hex, 16)]));
    else {
      const byte = SIMPLE_ESCAPES[escaped ?? ''];
      if (byte === undefined) return undefined;
      parts.push(Buffer.from([byte]));
    }
  }
  return Buffer.concat(parts);
}

/** Hex digits (spaces and colons allowed between bytes) as bytes; undefined when malformed. */
export function parseHex(text: string): Buffer | undefined {
  const digits = text.replace(/[\s:]/g, '');
  if (digits.length === 0 || digits.length % 2 !== 0 || !/^[0-9a-f]+$/i.test(digits)) return undefined;
  return Buffer.from(digits, 'hex');
}
