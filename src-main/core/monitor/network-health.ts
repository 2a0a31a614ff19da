/**
 * Decides whether a failure says something about the endpoint or only about this machine:
 * offline (no route, no address, resolver unreachable while nothing else succeeds), asleep
 * (a suspend/resume gap), or a failing sentinel such as the default gateway. Such samples
 * are marked inconclusive and do not count against uptime.
 */
import type { Failure } from '../probe/types.ts';

export interface NetworkHealthOptions {
  /** A success by any endpoint within this window proves the machine is online. @default 30_000 */
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
  #lastSuccessAt = Number.NEGATIVE_INFINITY;
  #graceUntil = Number.NEGATIVE_INFINITY;
  #sentinelDown = false;
  #lastWall = Date.now();
  #lastMono = performance.now();

  constructor(options: NetworkHealthOptions = {}) {
    this.#recentSuccessMs = options.recentSuccessMs ?? 30_000;
    this.#resumeGraceMs = options.resumeGraceMs ?? 30_000;
    this.#gapThresholdMs = options.gapThresholdMs ?? 5_000;
  }

  /** Records a sample's verdict; returns whether the sample is inconclusive. */
  judge(at: number, failure: Failure | undefined): boolean {
    this.checkClock();
    if (!failure) {
      this.#lastSuccessAt = at;
      return false;
    }
    if (at < this.#graceUntil) return true;
    if (this.#sentinelDown) return true;
    return looksLocal(failure) && at - this.#lastSuccessAt > this.#recentSuccessMs;
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
