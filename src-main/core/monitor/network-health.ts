/**
 * Decides whether a failure says something about the endpoint or only about this machine:
 * offline (no route, no address, resolver unreachable, while no endpoint succeeds), asleep
 * (a suspend/resume gap), or a failing sentinel such as the default gateway. Such samples
 * are marked inconclusive and do not count against uptime.
 */
import type { Failure } from '../probe/types.ts';

export interface NetworkHealthOptions {
  /** An endpoint's latest success older than this no longer proves the machine online. @default 300_000 */
  readonly recentSuccessMs?: number;
  /** After a resume (or a detected gap), failures are inconclusive for this long. @default 30_000 */
  readonly resumeGraceMs?: number;
  /** A wall-clock jump this much beyond the monotonic clock is a sleep. @default 5_000 */
  readonly gapThresholdMs?: number;
}

/** Failures the local stack produces by itself when the machine has no working network. */
function looksLocal(failure: Failure): boolean {
  if (failure.class === 'net-unreachable') return true;
  if (failure.code === 'EADDRNOTAVAIL' || failure.code === 'ENETDOWN') return true;
  return failure.phase === 'dns' && (failure.code === 'EAI_AGAIN' || failure.code === 'ECONNREFUSED');
}

export class NetworkHealth {
  readonly #recentSuccessMs: number;
  readonly #resumeGraceMs: number;
  readonly #gapThresholdMs: number;
  /** Each endpoint's latest verdict: when it last succeeded, or undefined while it fails. */
  readonly #latestSuccess = new Map<number, number | undefined>();
  #graceUntil = Number.NEGATIVE_INFINITY;
  #sentinelDown = false;
  #lastWall = Date.now();
  #lastMono = performance.now();

  constructor(options: NetworkHealthOptions = {}) {
    this.#recentSuccessMs = options.recentSuccessMs ?? 300_000;
    this.#resumeGraceMs = options.resumeGraceMs ?? 30_000;
    this.#gapThresholdMs = options.gapThresholdMs ?? 5_000;
  }

  /**
   * Records an endpoint's sample; returns whether it is inconclusive. A local-looking failure
   * is inconclusive while no endpoint's latest sample is a (recent) success: "everything fails
   * with local errors" means this machine is offline, while one endpoint failing beside others
   * that answer is that endpoint's problem.
   */
  judge(endpointId: number, at: number, failure: Failure | undefined): boolean {
    this.checkClock();
    this.#latestSuccess.set(endpointId, failure ? undefined : at);
    if (!failure) return false;
    if (at < this.#graceUntil) return true;
    if (this.#sentinelDown) return true;
    return looksLocal(failure) && !this.#anyRecentSuccess(at);
  }

  /** An endpoint paused or removed no longer speaks for the network. */
  forget(endpointId: number): void {
    this.#latestSuccess.delete(endpointId);
  }

  #anyRecentSuccess(at: number): boolean {
    for (const success of this.#latestSuccess.values()) {
      if (success !== undefined && at - success <= this.#recentSuccessMs) return true;
    }
    return false;
  }

  /** The sentinel endpoint's latest verdict (true while it fails). */
  setSentinelDown(down: boolean): void {
    this.#sentinelDown = down;
  }

  /** The OS said the machine resumed (or the network changed): failures just after are inconclusive. */
  resumed(at: number = Date.now()): void {
    this.#graceUntil = at + this.#resumeGraceMs;
  }

  /**
   * Compares the wall clock against the monotonic clock: when the wall clock ran far ahead,
   * the machine slept (monotonic time stops in suspend) and a grace window starts.
   * Returns the gap in ms, or 0.
   */
  checkClock(): number {
    const wall = Date.now();
    const mono = performance.now();
    const gap = wall - this.#lastWall - (mono - this.#lastMono);
    this.#lastWall = wall;
    this.#lastMono = mono;
    if (gap > this.#gapThresholdMs) {
      this.resumed(wall);
      return gap;
    }
    return 0;
  }
}
