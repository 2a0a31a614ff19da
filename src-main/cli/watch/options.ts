/** `synack watch` arguments: node:util parseArgs for the shape, zod for the values. */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { HeartbeatMode, HeartbeatOptions } from '../../core/heartbeat/types.ts';
import { parseExpectation } from '../../core/probe/expect.ts';
import type { Expectation, Target } from '../../core/probe/types.ts';
import { parseDuration } from '../../core/util/duration.ts';
import { parsePayload } from '../probe/payload.ts';
import { parseTarget } from '../probe/target.ts';

/** The shared `--send` parser (as in `synack probe`), as bytes or undefined when malformed. */
function payloadOrUndefined(text: string): Buffer | undefined {
  try {
    return Buffer.from(parsePayload(text));
  } catch {
    return undefined;
  }
}
const parseEscapedText = payloadOrUndefined;
const parseHex = (text: string): Buffer | undefined => payloadOrUndefined(`hex:${text}`);

export const WATCH_USAGE = `Usage: synack watch HOST:PORT [options]

Holds a TCP connection open and reports how it dies (FIN, RST, broken pipe, half-open),
then reconnects with exponential backoff. Ctrl-C prints a summary.

Options:
  --send STR        heartbeat payload; escapes \\r \\n \\t \\0 \\\\ \\xHH (active mode)
  --send-hex HEX    heartbeat payload as hex bytes, e.g. 50494e470d0a
  --expect STR|/re/ what the reply must contain (default: any reply)
  --interval DUR    between heartbeats (default 5s)
  --timeout DUR     reply deadline, and the connect deadline (default 2s)
  --passive         send nothing; watch for FIN/RST/errors and TCP keepalive (default without --send)
  --keepalive DUR   TCP keepalive idle time, whole seconds (default 10s; then 1 s × 5 probes)
  --json            one JSON object per line
  -h, --help        this help

Durations: 500ms, 2s, 1.5m, 1h.
Exit status: 0 if a connection was established at least once, 1 if never, 2 for bad arguments.`;

export interface WatchConfig {
  readonly target: Target;
  readonly session: HeartbeatOptions;
  readonly json: boolean;
}

export type ParsedWatch =
  | { readonly kind: 'run'; readonly config: WatchConfig }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

const duration = (name: string, minMs: number) =>
  z.string().transform((text, ctx) => {
    const ms = parseDuration(text);
    if (ms === undefined) {
      ctx.addIssue({ code: 'custom', message: `--${name}: "${text}" is not a duration (e.g. 500ms, 2s, 1m)` });
      return z.NEVER;
    }
    if (ms < minMs) {
      ctx.addIssue({ code: 'custom', message: `--${name}: ${text} is too short (at least ${minMs} ms)` });
      return z.NEVER;
    }
    return ms;
  });

const bytes = (name: string, parse: (text: string) => Buffer | undefined, what: string) =>
  z.string().transform((text, ctx) => {
    const value = parse(text);
    if (value === undefined || value.length === 0) {
      ctx.addIssue({ code: 'custom', message: `--${name}: "${text}" is not ${what}` });
      return z.NEVER;
    }
    return value;
  });

const expectation = z.string().transform((text, ctx): Expectation => {
  try {
    const parsed = parseExpectation(text);
    if (parsed.kind !== 'string') return parsed;
    const value = parseEscapedText(parsed.value);
    if (value !== undefined && value.length > 0) return { kind: 'string', value: value.toString('utf8') };
    ctx.addIssue({ code: 'custom', message: `--expect: "${text}" is empty or has a bad escape` });
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `--expect: ${(error as Error).message}` });
  }
  return z.NEVER;
});

const target = z.string().transform((text, ctx) => {
  try {
    const { host, port } = parseTarget(text);
    return { host, port };
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `HOST:PORT: ${(error as Error).message}` });
    return z.NEVER;
  }
});

const Schema = z
  .object({
    target,
    send: bytes('send', parseEscapedText, 'a payload (text with \\r \\n \\t \\0 \\\\ \\xHH escapes, not empty)').optional(),
    'send-hex': bytes('send-hex', parseHex, 'hex bytes (e.g. 50494e470d0a)').optional(),
    expect: expectation.optional(),
    interval: duration('interval', 10).default(5000),
    timeout: duration('timeout', 10).default(2000),
    passive: z.boolean().default(false),
    // The kernel takes whole seconds: below 1 s Node would silently keep the system default.
    keepalive: duration('keepalive', 1000).default(10_000),
    json: z.boolean().default(false),
  })
  .superRefine((value, ctx) => {
    const sending = value.send !== undefined || value['send-hex'] !== undefined;
    if (value.send !== undefined && value['send-hex'] !== undefined) ctx.addIssue({ code: 'custom', message: '--send and --send-hex: give only one' });
    if (value.passive && sending) ctx.addIssue({ code: 'custom', message: '--passive: a passive session sends nothing (drop --send/--send-hex)' });
    if (value.expect !== undefined && !sending) ctx.addIssue({ code: 'custom', message: '--expect: needs a heartbeat to answer (add --send or --send-hex)' });
  });

/** Parses argv (after the command name). Never throws: bad input comes back as a message naming the argument. */
export function parseWatchArgs(argv: readonly string[]): ParsedWatch {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        send: { type: 'string' },
        'send-hex': { type: 'string' },
        expect: { type: 'string' },
        interval: { type: 'string' },
        timeout: { type: 'string' },
        passive: { type: 'boolean' },
        keepalive: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  if (parsed.values.help) return { kind: 'help' };
  const { positionals } = parsed;
  if (positionals.length !== 1) {
    return { kind: 'error', message: positionals.length === 0 ? 'HOST:PORT: missing (e.g. synack watch example.com:443)' : `HOST:PORT: expected one target, got ${positionals.length}` };
  }
  // z.object strips keys it does not know (help).
  const result = Schema.safeParse({ ...parsed.values, target: positionals[0] });
  if (!result.success) return { kind: 'error', message: result.error.issues.map((issue) => issue.message).join('\n') };
  const value = result.data;
  const payload = value.send ?? value['send-hex'];
  const mode: HeartbeatMode = payload === undefined
    ? { kind: 'passive' }
    : {
        kind: 'active',
        payload,
        intervalMs: value.interval,
        replyTimeoutMs: value.timeout,
        ...(value.expect === undefined ? {} : { expect: value.expect }),
      };
  return {
    kind: 'run',
    config: {
      target: value.target,
      json: value.json,
      session: { mode, connectTimeoutMs: value.timeout, keepAlive: { idleMs: value.keepalive } },
    },
  };
}
