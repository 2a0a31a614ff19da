/** What `synack watch` prints on exit: connections, total uptime, losses by class, RTT stats. */
import type { FailureClass } from '../../core/classify/failure-classes.ts';
import type { HeartbeatSession } from '../../core/heartbeat/session.ts';
import { summarizeLatency, type LatencySummary } from '../../core/stats/index.ts';

export type RttStats = LatencySummary;

export interface WatchSummary {
  readonly connections: number;
  readonly uptimeMs: number;
  readonly losses: Partial<Record<FailureClass, number>>;
  /** Failed connect attempts, by class. */
  readonly connectFailures: Partial<Record<FailureClass, number>>;
  readonly rtt: RttStats | undefined;
}

/** Counts a session's events as they happen; `summary()` at any time. */
export class WatchTally {
  #connections = 0;
  #closedUptimeMs = 0;
  /** Monotonic time the current connection came up. */
  #upSince: number | undefined;
  readonly #losses: Partial<Record<FailureClass, number>> = {};
  readonly #connectFailures: Partial<Record<FailureClass, number>> = {};
  readonly #rtts: number[] = [];
  readonly #now: () => number;

  constructor(session: HeartbeatSession, now: () => number = () => performance.now()) {
    this.#now = now;
    session.on('connected', () => {
      this.#connections++;
      this.#upSince = this.#now();
    });
    session.on('heartbeat', ({ rttMs }) => this.#rtts.push(rttMs));
    session.on('lost', ({ class: cls, uptimeMs }) => {
      this.#closedUptimeMs += uptimeMs;
      this.#upSince = undefined;
      this.#losses[cls] = (this.#losses[cls] ?? 0) + 1;
    });
    session.on('retrying', ({ cause }) => {
      if (cause.failure.phase !== 'dns' && cause.failure.phase !== 'connect') return;
      this.#connectFailures[cause.failure.class] = (this.#connectFailures[cause.failure.class] ?? 0) + 1;
    });
  }

  summary(): WatchSummary {
    const current = this.#upSince === undefined ? 0 : this.#now() - this.#upSince;
    return {
      connections: this.#connections,
      uptimeMs: this.#closedUptimeMs + current,
      losses: { ...this.#losses },
      connectFailures: { ...this.#connectFailures },
      rtt: summarizeLatency(this.#rtts) ?? undefined,
    };
  }
}
