/**
 * Heartbeat sessions: one long-lived TCP connection per endpoint, watched for FIN, RST, broken
 * pipes and half-open links, reconnected with backoff. Everything a session reports is a
 * `ProbeOutcome` of kind `heartbeat`, so it flows through the same series as probe results.
 */
import type { FailureClass } from '../classify/failure-classes.ts';
import type { Expectation, FamilyPreference, LookupFn, ProbeFailure, ProbeSuccess } from '../probe/types.ts';

/** Exponential backoff with equal jitter: attempt n waits in [cap/2, cap], cap = min(maxMs, baseMs × factor^(n-1)). */
export interface BackoffPolicy {
  /** @default 500 */
  readonly baseMs: number;
  /** @default 2 */
  readonly factor: number;
  /** @default 30000 */
  readonly maxMs: number;
}

/** TCP keepalive: the kernel probes an idle connection, so a dead peer is found without sending data. */
export interface KeepAlivePolicy {
  /** Idle time before the first keepalive probe (TCP_KEEPIDLE), whole seconds, ≥ 1000. @default 10000 */
  readonly idleMs: number;
  /** Between unanswered probes (TCP_KEEPINTVL), whole seconds, ≥ 1000. @default 1000 */
  readonly intervalMs: number;
  /** Unanswered probes before the kernel drops the connection with ETIMEDOUT (TCP_KEEPCNT). @default 5 */
  readonly count: number;
}

/**
 * `active`: send `payload` every `intervalMs`, expect a reply within `replyTimeoutMs`.
 * `passive`: send nothing; only FIN, RST, errors and TCP keepalive reveal a dead peer.
 */
export type HeartbeatMode =
  | {
      readonly kind: 'active';
      readonly payload: Uint8Array;
      /** @default any reply */
      readonly expect?: Expectation;
      /** From one heartbeat send to the next. @default 5000 */
      readonly intervalMs?: number;
      /** A reply must arrive this long after the send, or the link is half-open. @default 2000 */
      readonly replyTimeoutMs?: number;
    }
  | { readonly kind: 'passive' };

/** The monotonic clock and the randomness a session uses; injected in tests of the schedule. */
export interface SessionClock {
  /** Monotonic milliseconds (durations). @default performance.now */
  readonly now: () => number;
  /** Wall-clock milliseconds since the epoch (timestamps). @default Date.now */
  readonly wall: () => number;
  /** Uniform in [0, 1), for jitter. @default Math.random */
  readonly random: () => number;
}

export interface HeartbeatOptions {
  readonly mode: HeartbeatMode;
  /** Deadline for each connect attempt (DNS + handshake). @default 5000 */
  readonly connectTimeoutMs?: number;
  /** Applied in both modes; in passive mode it is the only probe of a silent link. */
  readonly keepAlive?: Partial<KeepAlivePolicy>;
  readonly backoff?: Partial<BackoffPolicy>;
  /** A connection up at least this long resets the backoff to attempt 1 when it is lost. @default 5000 */
  readonly stableMs?: number;
  /** @default 'auto' */
  readonly family?: FamilyPreference;
  readonly lookup?: LookupFn;
  readonly localAddress?: string;
  /** Aborting stops the session, like `stop()`. */
  readonly signal?: AbortSignal;
  readonly clock?: Partial<SessionClock>;
}

/** Where a session stands. Wall-clock fields are timestamps; durations are measured monotonically. */
export type HeartbeatState =
  | { readonly status: 'idle' }
  /** `attempt`: the retry this connect is (0 for the first one after start or a stable connection). */
  | { readonly status: 'connecting'; readonly attempt: number; readonly since: number }
  | {
      readonly status: 'established';
      readonly since: number;
      readonly address: string;
      readonly family: 4 | 6;
      /** The last heartbeat round trip (active mode), in ms. */
      readonly lastRttMs?: number;
    }
  | { readonly status: 'lost'; readonly class: FailureClass; readonly at: number }
  | { readonly status: 'backing-off'; readonly attempt: number; readonly delayMs: number; readonly nextAttemptAt: number }
  | { readonly status: 'stopped'; readonly at: number };

/** The local end of an established connection (useful to match server-side logs). */
export interface LocalEnd {
  readonly address: string;
  readonly port: number;
}

export interface ConnectedEvent {
  /** The connect attempt: `latencyMs` and `phases.connect` are the handshake time. */
  readonly outcome: ProbeSuccess;
  /** Retries this connection took since the start or the last stable connection (0: first try). */
  readonly attempt: number;
  readonly local: LocalEnd;
}

export interface HeartbeatEvent {
  /** `latencyMs` and `phases.firstByte` are the send → matching reply time. */
  readonly outcome: ProbeSuccess;
  readonly rttMs: number;
}

export interface LostEvent {
  readonly outcome: ProbeFailure;
  readonly class: FailureClass;
  /** How long the connection had been up, monotonic ms. */
  readonly uptimeMs: number;
  readonly local: LocalEnd;
}

export interface RetryingEvent {
  /**
   * The retry number (1-based), consecutive since the start or since the last connection that
   * stayed up at least `stableMs`; the delay is drawn from this backoff step.
   */
  readonly attempt: number;
  readonly delayMs: number;
  /** What led here: the loss, or the failed connect attempt. */
  readonly cause: ProbeFailure;
}

/** The typed event map of a session (node:events style: event name → listener arguments). */
export interface HeartbeatEventMap {
  connected: [ConnectedEvent];
  heartbeat: [HeartbeatEvent];
  lost: [LostEvent];
  retrying: [RetryingEvent];
  state: [HeartbeatState];
}
