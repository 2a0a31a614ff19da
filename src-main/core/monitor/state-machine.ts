/**
 * Up/degraded/down decisions with hysteresis, per endpoint. Pure: it sees samples and the
 * time they carry, never a clock or a socket, so every rule is testable on its own.
 */
import type { FailureClass } from '../classify/failure-classes.ts';
import type { Thresholds } from '../endpoints/endpoint-schema.ts';

export const ENDPOINT_STATES = ['pending', 'up', 'degraded', 'down', 'recovering', 'paused', 'inconclusive'] as const;
export type EndpointState = (typeof ENDPOINT_STATES)[number];

/** What the state machine needs to know of a sample. */
export interface Observation {
  readonly ts: number;
  readonly ok: boolean;
  readonly latencyMs?: number;
  readonly failureClass?: FailureClass;
  readonly code?: string;
  readonly message?: string;
  /** The machine itself was offline or asleep: the sample says nothing about the endpoint. */
  readonly inconclusive: boolean;
}

/** Why a transition happened, kept with the event for notifications and reports. */
export interface Evidence {
  readonly consecutiveFailures: number;
  readonly consecutiveSuccesses: number;
  readonly latencyMs?: number;
  readonly code?: string;
  readonly message?: string;
}

export interface Transition {
  readonly from: EndpointState;
  readonly to: EndpointState;
  readonly at: number;
  /** The failure class when the new state is a failure state. */
  readonly failureClass?: FailureClass;
  readonly evidence: Evidence;
  /** True while the endpoint flaps: the transition is recorded but should not alert. */
  readonly flapping: boolean;
}

export interface FlapSettings {
  /** Window in which transitions are counted. @default 600_000 (10 min) */
  readonly windowMs: number;
  /** Transitions within the window that make an endpoint "flapping". @default 6 */
  readonly threshold: number;
}

export const DEFAULT_FLAP: FlapSettings = { windowMs: 600_000, threshold: 6 };

export class EndpointStateTracker {
  #state: EndpointState = 'pending';
  /** The verdict to return to when an inconclusive spell ends. */
  #beforeInconclusive: EndpointState = 'pending';
  #failures = 0;
  #successes = 0;
  #slow = 0;
  #fast = 0;
  #lastClass: FailureClass | undefined;
  #transitionTimes: number[] = [];
  #thresholds: Thresholds;
  readonly #flap: FlapSettings;

  constructor(thresholds: Thresholds, flap: FlapSettings = DEFAULT_FLAP, initial: EndpointState = 'pending') {
    this.#thresholds = thresholds;
    this.#flap = flap;
    this.#state = initial;
  }

  get state(): EndpointState {
    return this.#state;
  }

  /** The class of the failure streak behind a down/recovering state. */
  get failureClass(): FailureClass | undefined {
    return this.#lastClass;
  }

  get flapping(): boolean {
    return this.#transitionTimes.length >= this.#flap.threshold;
  }

  setThresholds(thresholds: Thresholds): void {
    this.#thresholds = thresholds;
  }

  pause(at: number): Transition | undefined {
    return this.#moveTo('paused', at, undefined, this.#evidence());
  }

  resume(at: number): Transition | undefined {
    if (this.#state !== 'paused') return undefined;
    this.#resetCounters();
    return this.#moveTo('pending', at, undefined, this.#evidence());
  }

  /** Feeds one sample; returns the transition it caused, if any. */
  observe(sample: Observation): Transition | undefined {
    if (this.#state === 'paused') return undefined;
    if (sample.inconclusive) {
      if (this.#state === 'inconclusive') return undefined;
      this.#beforeInconclusive = this.#state;
      return this.#moveTo('inconclusive', sample.ts, undefined, this.#evidence(sample));
    }
    // Back from an inconclusive spell: judge from the verdict held before it.
    const current = this.#state === 'inconclusive' ? this.#beforeInconclusive : this.#state;
    const next = sample.ok ? this.#afterSuccess(current, sample) : this.#afterFailure(current, sample);
    const failureClass = next === 'down' || next === 'recovering' ? this.#lastClass : undefined;
    return this.#moveTo(next, sample.ts, failureClass, this.#evidence(sample));
  }

  #afterSuccess(current: EndpointState, sample: Observation): EndpointState {
    this.#failures = 0;
    this.#successes++;
    const limit = this.#thresholds.degradedLatencyMs;
    const slow = limit !== undefined && sample.latencyMs !== undefined && sample.latencyMs > limit;
    this.#slow = slow ? this.#slow + 1 : 0;
    this.#fast = slow ? 0 : this.#fast + 1;
    const { recoverAfter, degradedAfter } = this.#thresholds;
    switch (current) {
      case 'pending':
        return slow && degradedAfter <= 1 ? 'degraded' : 'up';
      case 'down':
      case 'recovering':
        if (this.#successes < recoverAfter) return 'recovering';
        return this.#slow >= degradedAfter ? 'degraded' : 'up';
      case 'up':
        return this.#slow >= degradedAfter ? 'degraded' : 'up';
      case 'degraded':
        return this.#fast >= recoverAfter ? 'up' : 'degraded';
      default:
        return current;
    }
  }

  #afterFailure(current: EndpointState, sample: Observation): EndpointState {
    this.#successes = 0;
    this.#slow = 0;
    this.#fast = 0;
    this.#failures++;
    if (sample.failureClass !== undefined) this.#lastClass = sample.failureClass;
    const cls = sample.failureClass;
    const needed = (cls === undefined ? undefined : this.#thresholds.downAfterByClass[cls]) ?? this.#thresholds.downAfter;
    if (current === 'recovering') return 'down';
    if (this.#failures >= needed) return 'down';
    return current;
  }

  #moveTo(to: EndpointState, at: number, failureClass: FailureClass | undefined, evidence: Evidence): Transition | undefined {
    const from = this.#state;
    if (from === to) return undefined;
    this.#state = to;
    this.#transitionTimes = this.#transitionTimes.filter((t) => at - t < this.#flap.windowMs);
    this.#transitionTimes.push(at);
    const transition: Transition = { from, to, at, evidence, flapping: this.flapping };
    return failureClass === undefined ? transition : { ...transition, failureClass };
  }

  #evidence(sample?: Observation): Evidence {
    const base = { consecutiveFailures: this.#failures, consecutiveSuccesses: this.#successes };
    if (!sample) return base;
    return {
      ...base,
      ...(sample.latencyMs === undefined ? {} : { latencyMs: sample.latencyMs }),
      ...(sample.code === undefined ? {} : { code: sample.code }),
      ...(sample.message === undefined ? {} : { message: sample.message }),
    };
  }

  #resetCounters(): void {
    this.#failures = 0;
    this.#successes = 0;
    this.#slow = 0;
    this.#fast = 0;
  }
}
