/**
 * What every probe kind shares: the timed DNS phase under the attempt's deadline, and the
 * construction of outcomes. A kind only implements its `Dialler`.
 */
import { classifyCode, classifyError, SYNACK_CODES } from '../classify/classify.ts';
import { literalAddress, systemLookup } from './resolve.ts';
import type {
  Failure, OutcomeKind, Phases, ProbeFailure, ProbeOptions, ProbeOutcome, ResolvedAddress, Target,
} from './types.ts';

export const DEFAULT_TIMEOUT_MS = 2000;

/** One attempt's fixed facts, shared by the DNS phase and the dial. */
export interface AttemptContext {
  readonly kind: OutcomeKind;
  readonly target: Target;
  readonly options: ProbeOptions;
  /** Wall clock at the start (timestamps only). */
  readonly startedAt: number;
  /** Monotonic start, `performance.now()`. */
  readonly t0: number;
  readonly dnsMs: number;
  readonly timeoutMs: number;
}

/** Dials one resolved address and settles with a classified outcome; never rejects. */
export type Dialler = (context: AttemptContext, address: ResolvedAddress) => Promise<ProbeOutcome>;

export type Resolution =
  | { readonly ok: true; readonly context: AttemptContext; readonly addresses: readonly ResolvedAddress[] }
  | { readonly ok: false; readonly outcome: ProbeFailure };

/** Resolves the target under the attempt's deadline; an IP literal costs no lookup. */
export async function resolveTarget(kind: OutcomeKind, target: Target, options: ProbeOptions): Promise<Resolution> {
  const start = startAttempt(kind, target, options);
  return start.resolution ?? lookupTarget(start.base);
}

/** An attempt's facts before its DNS phase. */
export type AttemptBase = Omit<AttemptContext, 'dnsMs'>;

/**
 * Starts the clock and settles what needs no lookup: a bad port, or an IP literal. Returns
 * the resolution when there is one, else the base for `lookupTarget`. Synchronous, so the
 * common case (a literal) costs no promise before the dial.
 */
export function startAttempt(kind: OutcomeKind, target: Target, options: ProbeOptions): { resolution?: Resolution; base: AttemptBase } {
  const startedAt = Date.now();
  const t0 = performance.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const base: AttemptBase = { kind, target, options, startedAt, t0, timeoutMs };
  if (!Number.isInteger(target.port) || target.port < 1 || target.port > 65535) {
    const failure = classifyCode('ERR_SOCKET_BAD_PORT', { phase: 'connect', message: `Port ${target.port} is not a port number (1-65535).` });
    return { resolution: { ok: false, outcome: failed({ ...base, dnsMs: 0 }, failure) }, base };
  }
  const literal = literalAddress(target.host, options.family ?? 'auto');
  if (literal) {
    const context: AttemptContext = { kind, target, options, startedAt, t0, dnsMs: 0, timeoutMs };
    return { resolution: { ok: true, context, addresses: [literal] }, base };
  }
  return { base };
}

/** The DNS phase for a name, under the attempt's deadline and abort signal. */
export async function lookupTarget(base: AttemptBase): Promise<Resolution> {
  const { target, options, t0, timeoutMs } = base;
  const family = options.family ?? 'auto';
  if (options.signal?.aborted) return { ok: false, outcome: failed({ ...base, dnsMs: 0 }, abortedFailure('dns')) };
  const lookup = options.lookup ?? systemLookup;
  const result = await withDeadline(lookup(target.host, family), timeoutMs, options.signal);
  const context = { ...base, dnsMs: performance.now() - t0 };
  if (result.status === 'timeout') return { ok: false, outcome: failed(context, classifyCode('ETIMEOUT', { phase: 'dns' })) };
  if (result.status === 'aborted') return { ok: false, outcome: failed(context, abortedFailure('dns')) };
  if (result.status === 'error') return { ok: false, outcome: failed(context, classifyError(result.error, { phase: 'dns' })) };
  if (result.value.length === 0) return { ok: false, outcome: failed(context, classifyCode('ENOTFOUND', { phase: 'dns' })) };
  return { ok: true, context, addresses: result.value };
}

type Settled<T> =
  | { status: 'value'; value: T }
  | { status: 'error'; error: unknown }
  | { status: 'timeout' }
  | { status: 'aborted' };

/** Races a promise that cannot be cancelled (getaddrinfo) against the deadline and the abort signal. */
function withDeadline<T>(promise: Promise<T>, timeoutMs: number, signal: AbortSignal | undefined): Promise<Settled<T>> {
  return new Promise((resolve) => {
    const settle = (result: Settled<T>): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onAbort = (): void => settle({ status: 'aborted' });
    const timer = setTimeout(() => settle({ status: 'timeout' }), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    promise.then((value) => settle({ status: 'value', value }), (error: unknown) => settle({ status: 'error', error }));
  });
}

export function abortedFailure(phase: Failure['phase']): Failure {
  return { class: 'other', code: SYNACK_CODES.aborted, phase, message: 'The probe was cancelled.', hint: 'Nothing to do: the probe was stopped on purpose.' };
}

/** A failure outcome; `extra` carries the address dialled and the phases measured so far. */
export function failed(
  context: AttemptContext,
  failure: Failure,
  extra: { address?: ResolvedAddress; connect?: number; firstByte?: number } = {},
): ProbeFailure {
  const outcome: ProbeFailure = {
    ok: false,
    kind: context.kind,
    target: context.target,
    startedAt: context.startedAt,
    phases: phasesOf(context.dnsMs, extra.connect, extra.firstByte),
    totalMs: performance.now() - context.t0,
    failure,
  };
  return extra.address ? { ...outcome, address: extra.address.address, family: extra.address.family } : outcome;
}

export function phasesOf(dns: number, connect: number | undefined, firstByte: number | undefined): Phases {
  if (connect === undefined) return { dns };
  if (firstByte === undefined) return { dns, connect };
  return { dns, connect, firstByte };
}
