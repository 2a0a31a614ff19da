/**
 * One endpoint's life in the service: probe it (or hold its heartbeat session), judge each
 * sample against the network's health, feed the state machine, and report what happened.
 */
import type { Endpoint } from '../endpoints/endpoint-schema.ts';
import { payloadBytes } from '../endpoints/endpoint-schema.ts';
import { probe } from '../probe/registry.ts';
import type { ProbeOptions, ProbeOutcome } from '../probe/types.ts';
import type { EndpointStatusDto, SampleDto, SessionDto } from '../../ipc/dto.ts';
import type { NetworkHealth } from './network-health.ts';
import { sampleFromOutcome } from './sample.ts';
import { EndpointStateTracker, type FlapSettings, type Transition } from './state-machine.ts';

/** Latencies kept for the overview's sparkline. */
export const SPARKLINE_LENGTH = 60;

export interface RunnerHooks {
  readonly onSample: (runner: EndpointRunner, sample: SampleDto) => void;
  readonly onTransition: (runner: EndpointRunner, transition: Transition) => void;
}

export class EndpointRunner {
  endpoint: Endpoint;
  readonly tracker: EndpointStateTracker;
  readonly sparkline: (number | null)[] = [];
  lastSample: SampleDto | undefined;
  /** A heartbeat endpoint's session, as last reported. */
  session: SessionDto | undefined;
  since: number;
  #inFlight: Promise<SampleDto> | undefined;
  /** Aborts the probe in flight, whoever started it (scheduler or probe-now). */
  #controller: AbortController | undefined;
  readonly #health: NetworkHealth;
  readonly #hooks: RunnerHooks;

  constructor(endpoint: Endpoint, health: NetworkHealth, hooks: RunnerHooks, flap?: FlapSettings) {
    this.endpoint = endpoint;
    this.tracker = new EndpointStateTracker(endpoint.thresholds, flap, endpoint.paused ? 'paused' : 'pending');
    this.since = Date.now();
    this.#health = health;
    this.#hooks = hooks;
  }

  get id(): number {
    return this.endpoint.id;
  }

  /**
   * Probes once; a call while a probe is in flight shares it instead of overlapping. Any
   * caller's `signal` aborts the shared probe: a probe-now that the scheduler joined must
   * still stop when the scheduler does.
   */
  runOnce(signal?: AbortSignal): Promise<SampleDto> {
    if (this.#inFlight === undefined) {
      const controller = new AbortController();
      this.#controller = controller;
      this.#inFlight = this.#probe(controller.signal).finally(() => {
        this.#inFlight = undefined;
        this.#controller = undefined;
      });
    }
    const inFlight = this.#inFlight;
    const controller = this.#controller;
    if (signal && controller) {
      if (signal.aborted) controller.abort();
      else {
        const onAbort = (): void => controller.abort();
        signal.addEventListener('abort', onAbort, { once: true });
        void inFlight.finally(() => signal.removeEventListener('abort', onAbort)).catch(() => {});
      }
    }
    return inFlight;
  }

  /** Aborts the probe in flight, if any, and resolves once it has settled. */
  async abort(): Promise<void> {
    const inFlight = this.#inFlight;
    this.#controller?.abort();
    await inFlight?.catch(() => {});
  }

  /** Judges an outcome against the network's health and records it; returns the sample. */
  recordOutcome(outcome: ProbeOutcome): SampleDto {
    const failure = outcome.ok ? undefined : outcome.failure;
    const sample = sampleFromOutcome(this.endpoint.id, this.endpoint.kind, outcome, this.#health.judge(this.endpoint.id, outcome.startedAt, failure));
    this.record(sample);
    return sample;
  }

  /** Records a sample from any source (probe or heartbeat session). */
  record(sample: SampleDto): void {
    if (sample.ok && sample.latencyMs !== undefined) this.sparkline.push(sample.latencyMs);
    else if (!sample.inconclusive) this.sparkline.push(null);
    if (this.sparkline.length > SPARKLINE_LENGTH) this.sparkline.shift();
    this.lastSample = sample;
    this.#hooks.onSample(this, sample);
    const transition = this.tracker.observe({
      ts: sample.ts,
      ok: sample.ok,
      inconclusive: sample.inconclusive,
      ...(sample.latencyMs === undefined ? {} : { latencyMs: sample.latencyMs }),
      ...(sample.failureClass === undefined ? {} : { failureClass: sample.failureClass }),
      ...(sample.code === undefined ? {} : { code: sample.code }),
      ...(sample.message === undefined ? {} : { message: sample.message }),
    });
    if (transition) this.#transitioned(transition);
  }

  pause(at = Date.now()): void {
    const transition = this.tracker.pause(at);
    if (transition) this.#transitioned(transition);
  }

  resume(at = Date.now()): void {
    const transition = this.tracker.resume(at);
    if (transition) this.#transitioned(transition);
  }

  status(): EndpointStatusDto {
    const failureClass = this.tracker.state === 'down' || this.tracker.state === 'recovering' ? this.tracker.failureClass : undefined;
    return {
      endpointId: this.id,
      state: this.tracker.state,
      since: this.since,
      flapping: this.tracker.flapping,
      ...(failureClass === undefined ? {} : { failureClass }),
      ...(this.lastSample === undefined ? {} : { lastSample: this.lastSample }),
      ...(this.session === undefined ? {} : { session: this.session }),
    };
  }

  async #probe(signal: AbortSignal | undefined): Promise<SampleDto> {
    const { endpoint } = this;
    const kind = endpoint.kind === 'udp' ? 'udp' : 'tcp';
    const outcome = await probe(kind, { host: endpoint.host, port: endpoint.port }, probeOptions(endpoint, signal));
    // An aborted probe (stop, remove) says nothing about the endpoint: don't record it.
    if (!outcome.ok && outcome.failure.code === 'ABORTED') return sampleFromOutcome(endpoint.id, endpoint.kind, outcome, false);
    return this.recordOutcome(outcome);
  }

  #transitioned(transition: Transition): void {
    this.since = transition.at;
    this.#hooks.onTransition(this, transition);
  }
}

export function probeOptions(endpoint: Endpoint, signal?: AbortSignal): ProbeOptions {
  return {
    timeoutMs: endpoint.timeoutMs,
    family: endpoint.family,
    ...(endpoint.send === undefined ? {} : { send: payloadBytes(endpoint.send) }),
    ...(endpoint.expect === undefined ? {} : { expect: endpoint.expect }),
    ...(signal === undefined ? {} : { signal }),
  };
}
