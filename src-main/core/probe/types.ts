/**
 * The probe engine's data model. Outcomes are data, never thrown: `throw` is kept for
 * programmer and configuration errors only.
 */
import type { FailureClass } from '../classify/failure-classes.ts';

/** What a probe can be: a new kind is a new file plus a registry entry. */
export type ProbeKind = 'tcp' | 'udp';

/**
 * What produced an outcome: a one-shot probe, or a heartbeat session (its connects, RTT samples
 * and losses), so series, charts and reports treat both alike.
 */
export type OutcomeKind = ProbeKind | 'heartbeat';

/** Address family preference: `auto` takes what the resolver returns first. */
export type FamilyPreference = 'auto' | 4 | 6;

/** A host (name, IPv4 or IPv6 literal without brackets) and a port. */
export interface Target {
  readonly host: string;
  readonly port: number;
}

/** What a reply must look like. `any` accepts the first byte that arrives. */
export type Expectation =
  | { readonly kind: 'any' }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'regex'; readonly source: string; readonly flags: string };

/** Resolves a name to addresses, in preference order. Injected in tests (a real DNS server on loopback). */
export type LookupFn = (host: string, family: FamilyPreference) => Promise<readonly ResolvedAddress[]>;

export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

export interface ProbeOptions {
  /** Deadline for the whole attempt (DNS + connect + send/expect), in ms. @default 2000 */
  readonly timeoutMs?: number;
  /** @default 'auto' */
  readonly family?: FamilyPreference;
  /** Bytes to write once connected (TCP) or the datagram to send (UDP). */
  readonly send?: Uint8Array;
  /** What the reply must contain. With `send` and no `expect`, any reply is accepted. */
  readonly expect?: Expectation;
  /** Bind the local end before connecting (source address / port). */
  readonly localAddress?: string;
  readonly localPort?: number;
  /** Aborting settles the probe at once as a failure of class `other` with code `ABORTED`. */
  readonly signal?: AbortSignal;
  /** @default the system resolver (getaddrinfo, honours /etc/hosts) */
  readonly lookup?: LookupFn;
}

/** Phase timings in milliseconds, measured with a monotonic clock. */
export interface Phases {
  /** Name resolution; 0 when the host is an IP literal. */
  readonly dns: number;
  /** connect() call to its outcome (TCP handshake; local association for UDP). */
  readonly connect?: number;
  /** From the send (or from connect when nothing is sent) to the first byte back. */
  readonly firstByte?: number;
}

/** Where in the attempt a failure happened. */
export type FailurePhase = 'dns' | 'connect' | 'send' | 'receive';

export interface Failure {
  readonly class: FailureClass;
  /** The raw code kept as is (`ECONNREFUSED`, `ENOTFOUND`, or Synack's own such as `TIMEOUT`, `EOF`, `MISMATCH`). */
  readonly code: string;
  /** The negative errno Node reported, when there was one. */
  readonly errno?: number;
  readonly phase: FailurePhase;
  /** One plain-language line: what happened. */
  readonly message: string;
  /** One line: what to check or do. */
  readonly hint: string;
}

interface OutcomeBase {
  readonly kind: OutcomeKind;
  readonly target: Target;
  /** Wall-clock start, ms since the epoch (timestamps only; durations use the monotonic clock). */
  readonly startedAt: number;
  readonly phases: Phases;
  /** Total time of the attempt in ms. */
  readonly totalMs: number;
}

export interface ProbeSuccess extends OutcomeBase {
  readonly ok: true;
  readonly address: string;
  readonly family: 4 | 6;
  /** The headline latency: TCP connect time, or the reply time for UDP. */
  readonly latencyMs: number;
  /** Connect time sits on a SYN retransmission step (≈1 s, 3 s, 7 s…): the count of lost SYNs it suggests. */
  readonly synRetransmits: number;
}

export interface ProbeFailure extends OutcomeBase {
  readonly ok: false;
  readonly address?: string;
  readonly family?: 4 | 6;
  readonly failure: Failure;
}

export type ProbeOutcome = ProbeSuccess | ProbeFailure;

/** The one signature every probe kind implements. */
export type ProbeFn = (target: Target, options?: ProbeOptions) => Promise<ProbeOutcome>;
