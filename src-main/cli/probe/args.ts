/**
 * `synack probe` arguments: node:util parseArgs (strict) for the shape of the command line,
 * then one zod schema for the values. Every mistake becomes a UsageError whose one-line
 * message names the argument.
 */
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseExpectation } from '../../core/probe/expect.ts';
import type { Expectation, FamilyPreference, ProbeKind } from '../../core/probe/types.ts';
import { DURATION_EXAMPLES, formatDuration, parseDuration } from '../../core/util/duration.ts';
import { UsageError } from '../usage-error.ts';
import { parsePayload } from './payload.ts';
import { parseTarget, type CliTarget } from './target.ts';

/** A validated `synack probe` run. */
export interface ProbeCliConfig {
  readonly targets: readonly CliTarget[];
  readonly kind: ProbeKind;
  /** Rounds to run; `undefined` runs until interrupted (`--forever`). */
  readonly count: number | undefined;
  readonly intervalMs: number;
  readonly timeoutMs: number;
  readonly family: FamilyPreference;
  readonly send?: Uint8Array;
  readonly expect?: Expectation;
  readonly allAddresses: boolean;
  readonly format: 'human' | 'json';
  readonly quiet: boolean;
}

export type ParsedProbeArgs = { readonly help: true } | { readonly help: false; readonly config: ProbeCliConfig };

export const DEFAULT_COUNT = 4;
export const DEFAULT_INTERVAL_MS = 1000;
export const DEFAULT_TIMEOUT_MS = 2000;
/** Timers beyond ~24.8 days overflow; a day is already far more than any probe needs. */
const MAX_DURATION_MS = 24 * 3_600_000;

const OPTIONS = {
  count: { type: 'string', short: 'c' },
  forever: { type: 'boolean', short: 't' },
  interval: { type: 'string', short: 'i' },
  timeout: { type: 'string', short: 'w' },
  udp: { type: 'boolean', short: 'u' },
  send: { type: 'string' },
  expect: { type: 'string' },
  ipv4: { type: 'boolean', short: '4' },
  ipv6: { type: 'boolean', short: '6' },
  'all-addresses': { type: 'boolean' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Flags as the user types them, for messages (`ipv4` is spelled `-4`). */
const FLAG_NAMES: Readonly<Record<string, string>> = { ipv4: '-4', ipv6: '-6' };

/** A schema for a string flag parsed by `parse`, which throws UsageError with the reason. */
function parsedBy<T>(parse: (text: string) => T) {
  return z.string().transform((text, ctx) => {
    try {
      return parse(text);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      ctx.addIssue(error.message);
      return z.NEVER;
    }
  });
}

function durationFlag(min: number, minText: string) {
  return parsedBy((text) => {
    const ms = parseDuration(text);
    if (ms === undefined) throw new UsageError(`"${text}" is not a duration (use ${DURATION_EXAMPLES})`);
    if (ms < min) throw new UsageError(`"${text}" is too short (at least ${minText})`);
    if (ms > MAX_DURATION_MS) throw new UsageError(`"${text}" is too long (at most ${formatDuration(MAX_DURATION_MS)})`);
    return ms;
  });
}

const countFlag = parsedBy((text) => {
  if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`"${text}" is not a whole number of attempts (1 or more)`);
  }
  return Number(text);
});

const expectFlag = parsedBy((text) => {
  if (text === '') throw new UsageError('must not be empty (it would match any reply)');
  try {
    return parseExpectation(text);
  } catch (error) {
    throw new UsageError(`${text} is not a valid regular expression: ${(error as Error).message}`);
  }
});

const schema = z
  .object({
    count: countFlag.optional(),
    forever: z.boolean().optional(),
    interval: durationFlag(0, '0').optional(),
    timeout: durationFlag(1, '1ms').optional(),
    udp: z.boolean().optional(),
    send: parsedBy(parsePayload).optional(),
    expect: expectFlag.optional(),
    ipv4: z.boolean().optional(),
    ipv6: z.boolean().optional(),
    'all-addresses': z.boolean().optional(),
    json: z.boolean().optional(),
    quiet: z.boolean().optional(),
    targets: z.array(parsedBy(parseTarget)).min(1, 'no target given (usage: synack probe HOST:PORT [options])'),
  })
  .superRefine((values, ctx) => {
    if (values.count !== undefined && values.forever) {
      ctx.addIssue({ code: 'custom', path: ['count'], message: 'cannot be combined with --forever' });
    }
    if (values.ipv4 && values.ipv6) ctx.addIssue({ code: 'custom', path: ['ipv4'], message: 'cannot be combined with -6' });
    const family = values.ipv4 ? 4 : values.ipv6 ? 6 : undefined;
    for (const target of values.targets) {
      const literal = isIP(target.host);
      if (family !== undefined && literal !== 0 && literal !== family) {
        ctx.addIssue({ code: 'custom', path: ['targets'], message: `target "${target.label}" is an IPv${literal} address, but -${family} was given` });
      }
    }
  });

/** Parses `synack probe` arguments; throws UsageError with a one-line message. */
export function parseProbeArgs(argv: readonly string[]): ParsedProbeArgs {
  const { values, positionals } = parseShape(argv);
  if (values.help) return { help: true };
  const result = schema.safeParse({ ...values, targets: positionals });
  if (!result.success) throw new UsageError(describeIssue(result.error.issues[0]));
  const v = result.data;
  const config: ProbeCliConfig = {
    targets: v.targets,
    kind: v.udp ? 'udp' : 'tcp',
    count: v.forever ? undefined : (v.count ?? DEFAULT_COUNT),
    intervalMs: v.interval ?? DEFAULT_INTERVAL_MS,
    timeoutMs: v.timeout ?? DEFAULT_TIMEOUT_MS,
    family: v.ipv4 ? 4 : v.ipv6 ? 6 : 'auto',
    allAddresses: v['all-addresses'] ?? false,
    format: v.json ? 'json' : 'human',
    quiet: v.quiet ?? false,
    ...(v.send === undefined ? {} : { send: v.send }),
    ...(v.expect === undefined ? {} : { expect: v.expect }),
  };
  return { help: false, config };
}

function parseShape(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
}

/** Rewrites parseArgs' multi-line messages into one line that leads with the flag. */
function describeParseError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const text = message ?? String(error);
  const flags = /'([^']*)'/.exec(text)?.[1]?.match(/-{1,2}[\w-]+/g) ?? [];
  const flag = flags.at(-1) ?? 'option';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option "${flag}" (see synack probe --help)`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (text.includes('does not take an argument')) return `${flag}: takes no value`;
    if (text.includes('ambiguous')) return `${flag}: missing value (for a value that starts with "-", write ${flag}=VALUE)`;
    return `${flag}: missing value`;
  }
  return text.split('\n')[0] ?? text;
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (issue === undefined) return 'invalid arguments';
  const [key] = issue.path;
  if (key === 'targets' || key === undefined) return issue.message;
  const name = String(key);
  return `${FLAG_NAMES[name] ?? `--${name}`}: ${issue.message}`;
}
