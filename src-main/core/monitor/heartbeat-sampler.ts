/**
 * Turns a heartbeat endpoint's long-lived session into samples the rest of the service treats
 * like probe results: each connect and heartbeat reply is a sample, each loss a failure (and
 * a `heartbeat-lost` event with the connection's uptime). The scheduler's tick adds one
 * sample per interval where the session itself has nothing to say — "still established" in
 * passive mode, "still down" while reconnecting — so uptime is weighted by time, not by how
 * often the session happened to report.
 */
import { HeartbeatSession } from '../heartbeat/session.ts';
import type { HeartbeatMode, HeartbeatState } from '../heartbeat/types.ts';
import { payloadBytes } from '../endpoints/endpoint-schema.ts';
import type { ProbeFailure } from '../probe/types.ts';
import type { SessionDto } from '../../ipc/dto.ts';
import type { EndpointRunner } from './endpoint-runner.ts';

export interface LossReport {
  readonly runner: EndpointRunner;
  readonly failure: ProbeFailure;
  readonly uptimeMs: number;
}

export class HeartbeatSampler {
  readonly #runner: EndpointRunner;
  readonly #session: HeartbeatSession;
  readonly #active: boolean;
  /** What the session last failed with: repeated by ticks while it is not established. */
  #lastFailure: ProbeFailure | undefined;

  constructor(runner: EndpointRunner, onLost: (report: LossReport) => void) {
    this.#runner = runner;
    const { endpoint } = runner;
    this.#active = endpoint.send !== undefined && endpoint.heartbeat.mode !== 'passive';
    const mode: HeartbeatMode = this.#active && endpoint.send
      ? {
          kind: 'active',
          payload: payloadBytes(endpoint.send),
          intervalMs: endpoint.intervalMs,
          replyTimeoutMs: endpoint.timeoutMs,
          ...(endpoint.expect === undefined ? {} : { expect: endpoint.expect }),
        }
      : { kind: 'passive' };
    this.#session = new HeartbeatSession(
      { host: endpoint.host, port: endpoint.port },
      {
        mode,
        connectTimeoutMs: endpoint.timeoutMs,
        family: endpoint.family,
        keepAlive: { idleMs: Math.max(1000, Math.round(endpoint.heartbeat.keepAliveMs / 1000) * 1000) },
      },
    );
    this.#session.on('connected', ({ outcome }) => {
      this.#lastFailure = undefined;
      runner.recordOutcome(outcome);
    });
    this.#session.on('heartbeat', ({ outcome }) => runner.recordOutcome(outcome));
    this.#session.on('lost', ({ outcome, uptimeMs }) => {
      this.#lastFailure = outcome;
      runner.recordOutcome(outcome);
      onLost({ runner, failure: outcome, uptimeMs });
    });
    this.#session.on('retrying', ({ cause }) => {
      this.#lastFailure = cause;
    });
    this.#session.on('state', (state) => {
      runner.session = sessionDto(state);
    });
  }

  start(): void {
    this.#session.start();
  }

  stop(): void {
    this.#session.stop();
  }

  /** One scheduled tick: a sample where the session has none of its own to give. */
  async tick(): Promise<void> {
    const state = this.#session.state;
    const now = Date.now();
    // The session reported within this interval (a connect, a reply, a loss): that is the sample.
    const last = this.#runner.lastSample?.ts ?? 0;
    if (now - last < this.#runner.endpoint.intervalMs * 0.9) return;
    if (state.status === 'established') {
      if (this.#active) return;
      this.#runner.record({ endpointId: this.#runner.id, ts: now, kind: 'heartbeat', ok: true, address: state.address, inconclusive: false });
      return;
    }
    const failure = this.#lastFailure;
    if (!failure || state.status === 'idle' || state.status === 'stopped') return;
    this.#runner.recordOutcome({ ...failure, startedAt: now });
  }
}

function sessionDto(state: HeartbeatState): SessionDto | undefined {
  switch (state.status) {
    case 'idle':
      return undefined;
    case 'connecting':
      return { status: 'connecting', at: state.since, attempt: state.attempt };
    case 'established':
      return { status: 'established', at: state.since, ...(state.lastRttMs === undefined ? {} : { lastRttMs: state.lastRttMs }) };
    case 'lost':
      return { status: 'lost', at: state.at, failureClass: state.class };
    case 'backing-off':
      return { status: 'backing-off', at: state.nextAttemptAt, attempt: state.attempt };
    case 'stopped':
      return { status: 'stopped', at: state.at };
  }
}
