/**
 * A heartbeat session: connect, watch the connection until it dies, back off, reconnect — until
 * stopped. State changes and results are typed events; nothing is thrown after construction.
 */
import { EventEmitter } from 'node:events';
import type { ProbeFailure, Target } from '../probe/types.ts';
import { backoffDelay, resolveBackoff } from './backoff.ts';
import { dialSession } from './dial.ts';
import { watchLink, type Link } from './link.ts';
import type {
  BackoffPolicy, HeartbeatEventMap, HeartbeatOptions, HeartbeatState, KeepAlivePolicy, LocalEnd, SessionClock,
} from './types.ts';

export const DEFAULT_CONNECT_TIMEOUT_MS = 5000;
export const DEFAULT_STABLE_MS = 5000;
export const DEFAULT_KEEPALIVE: KeepAlivePolicy = { idleMs: 10_000, intervalMs: 1000, count: 5 };

/**
 * One endpoint's long-lived connection. Create, attach listeners, `start()`; `stop()` (or the
 * abort signal) closes the socket and clears every timer.
 */
export class HeartbeatSession extends EventEmitter<HeartbeatEventMap> {
  readonly target: Target;
  readonly #options: HeartbeatOptions;
  readonly #clock: SessionClock;
  readonly #backoff: BackoffPolicy;
  readonly #keepAlive: KeepAlivePolicy;
  #state: HeartbeatState = { status: 'idle' };
  /** Consecutive retries since the start or the last stable connection: the backoff step. */
  #retries = 0;
  #timer: NodeJS.Timeout | undefined;
  #link: Link | undefined;
  /** Aborts an in-flight DNS lookup or connect when the session stops. */
  readonly #dialAbort = new AbortController();

  constructor(target: Target, options: HeartbeatOptions) {
    super();
    this.target = target;
    this.#options = options;
    this.#clock = {
      now: options.clock?.now ?? (() => performance.now()),
      wall: options.clock?.wall ?? Date.now,
      random: options.clock?.random ?? Math.random,
    };
    this.#backoff = resolveBackoff(options.backoff);
    this.#keepAlive = resolveKeepAlive(options.keepAlive);
    validateMode(options);
  }

  /** Where the session stands now. */
  get state(): HeartbeatState {
    return this.#state;
  }

  /** Starts connecting; a second call is ignored. */
  start(): this {
    if (this.#state.status !== 'idle') return this;
    const { signal } = this.#options;
    if (signal?.aborted) {
      this.stop();
      return this;
    }
    signal?.addEventListener('abort', this.#onAbort, { once: true });
    void this.#connect();
    return this;
  }

  /** Closes the connection (FIN), cancels a pending connect and clears every timer. Idempotent. */
  stop(): void {
    if (this.#isStopped()) return;
    this.#options.signal?.removeEventListener('abort', this.#onAbort);
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#dialAbort.abort();
    this.#link?.close();
    this.#link = undefined;
    this.#setState({ status: 'stopped', at: this.#clock.wall() });
  }

  readonly #onAbort = (): void => this.stop();

  async #connect(): Promise<void> {
    this.#timer = undefined;
    const attempt = this.#retries;
    this.#setState({ status: 'connecting', attempt, since: this.#clock.wall() });
    const options = this.#options;
    const result = await dialSession(this.target, {
      timeoutMs: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      signal: this.#dialAbort.signal,
      ...(options.family === undefined ? {} : { family: options.family }),
      ...(options.lookup === undefined ? {} : { lookup: options.lookup }),
      ...(options.localAddress === undefined ? {} : { localAddress: options.localAddress }),
    });
    if (this.#isStopped()) {
      if (result.ok) {
        result.socket.destroy();
        result.handOver();
      }
      return;
    }
    if (!result.ok) return this.#retry(result.outcome);

    const { socket, outcome } = result;
    const connectedAt = this.#clock.now();
    const local: LocalEnd = { address: socket.localAddress ?? '', port: socket.localPort ?? 0 };
    const established = { status: 'established', since: this.#clock.wall(), address: outcome.address, family: outcome.family } as const;
    this.#setState(established);
    this.emit('connected', { outcome, attempt, local });
    // A listener may have stopped the session.
    if (this.#isStopped()) {
      socket.destroy();
      result.handOver();
      return;
    }
    this.#link = watchLink(
      socket,
      { target: this.target, address: outcome.address, family: outcome.family, mode: options.mode, keepAlive: this.#keepAlive, clock: this.#clock },
      {
        onBeat: (beat) => {
          this.#setState({ ...established, lastRttMs: beat.latencyMs });
          this.emit('heartbeat', { outcome: beat, rttMs: beat.latencyMs });
        },
        onLoss: (loss) => {
          this.#link = undefined;
          const uptimeMs = this.#clock.now() - connectedAt;
          // A connection that flaps (up, then lost at once) keeps climbing the backoff steps.
          if (uptimeMs >= (options.stableMs ?? DEFAULT_STABLE_MS)) this.#retries = 0;
          this.#setState({ status: 'lost', class: loss.failure.class, at: this.#clock.wall() });
          this.emit('lost', { outcome: loss, class: loss.failure.class, uptimeMs, local });
          this.#retry(loss);
        },
      },
      result.handOver(),
    );
  }

  #retry(cause: ProbeFailure): void {
    if (this.#isStopped()) return;
    this.#retries += 1;
    const attempt = this.#retries;
    const delayMs = backoffDelay(attempt, this.#backoff, this.#clock.random);
    this.#setState({ status: 'backing-off', attempt, delayMs, nextAttemptAt: this.#clock.wall() + delayMs });
    this.emit('retrying', { attempt, delayMs, cause });
    if (this.#isStopped()) return;
    this.#timer = setTimeout(() => void this.#connect(), delayMs);
  }

  /** A method, not an inline check: listeners run synchronously and may stop the session. */
  #isStopped(): boolean {
    return this.#state.status === 'stopped';
  }

  #setState(state: HeartbeatState): void {
    this.#state = state;
    this.emit('state', state);
  }
}

function resolveKeepAlive(partial: Partial<KeepAlivePolicy> = {}): KeepAlivePolicy {
  const policy = { ...DEFAULT_KEEPALIVE, ...partial };
  // The kernel takes whole seconds (Node truncates); below one second it would silently keep its default.
  if (!(policy.idleMs >= 1000) || !(policy.intervalMs >= 1000) || !Number.isInteger(policy.count) || policy.count < 1) {
    throw new RangeError(`Invalid keepalive policy: idleMs and intervalMs ≥ 1000 and an integer count ≥ 1 are required (got ${JSON.stringify(policy)}).`);
  }
  return policy;
}

function validateMode(options: HeartbeatOptions): void {
  const { mode } = options;
  if (mode.kind !== 'active') return;
  if (mode.payload.length === 0) throw new RangeError('An active heartbeat needs a non-empty payload.');
  for (const [name, value] of [['intervalMs', mode.intervalMs], ['replyTimeoutMs', mode.replyTimeoutMs]] as const) {
    if (value !== undefined && !(value > 0 && Number.isFinite(value))) throw new RangeError(`${name} must be a positive number of ms (got ${value}).`);
  }
}

