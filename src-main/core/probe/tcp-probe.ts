/**
 * TCP connect probe: a non-blocking connect to a resolved address under the attempt's
 * deadline, then an optional send/expect exchange. Settles exactly once; every path
 * destroys the socket and clears its timer.
 */
import { Socket, type TcpSocketConnectOpts } from 'node:net';
import { classifyCode, classifyError, SYNACK_CODES } from '../classify/classify.ts';
import { synRetransmitsFor } from '../classify/syn-retransmit.ts';
import { abortedFailure, failed, phasesOf, type AttemptContext, type Dialler } from './attempt.ts';
import { compileExpectation, MAX_REPLY_BYTES, previewReply, type ReplyMatcher } from './expect.ts';
import type { Failure, ProbeOptions, ProbeOutcome, ResolvedAddress } from './types.ts';

/** The reply so far before any byte; never written to (`Buffer.concat` copies). */
const EMPTY = Buffer.alloc(0);

export const dialTcp: Dialler = (context, address) =>
  new Promise<ProbeOutcome>((resolve) => {
    new TcpAttempt(context, address, resolve).start();
  });

/**
 * One TCP attempt's state. A class rather than a nest of closures: a monitor runs thousands
 * of these a second, and one object with prototype methods costs far less to allocate and
 * to collect than a dozen closures and their shared context.
 */
class TcpAttempt {
  readonly #context: AttemptContext;
  readonly #address: ResolvedAddress;
  readonly #resolve: (outcome: ProbeOutcome) => void;
  readonly #wantsReply: boolean;
  readonly #matches: ReplyMatcher | undefined;
  readonly #socket: Socket;
  readonly #connectStart: number;
  readonly #timer: NodeJS.Timeout;
  #onAbort: (() => void) | undefined;
  #connectMs: number | undefined;
  #firstByteMs: number | undefined;
  #exchangeStart = 0;
  #reply: Buffer = EMPTY;
  #settled = false;

  constructor(context: AttemptContext, address: ResolvedAddress, resolve: (outcome: ProbeOutcome) => void) {
    const { options } = context;
    this.#context = context;
    this.#address = address;
    this.#resolve = resolve;
    this.#wantsReply = options.send !== undefined || options.expect !== undefined;
    this.#matches = this.#wantsReply ? compileExpectation(options.expect ?? { kind: 'any' }) : undefined;
    this.#socket = new Socket();
    this.#connectStart = performance.now();
    const remaining = context.timeoutMs - (this.#connectStart - context.t0);
    this.#timer = setTimeout(() => this.#onDeadline(), Math.max(0, remaining));
  }

  start(): void {
    const { signal } = this.#context.options;
    if (signal !== undefined) {
      const onAbort = (): void => this.#fail(abortedFailure(this.#phaseNow()));
      this.#onAbort = onAbort;
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
    }
    const socket = this.#socket;
    socket.on('error', (error: NodeJS.ErrnoException) => this.#onError(error));
    socket.on('connect', () => this.#onConnect());
    // A plain connect probe settles on 'connect', before any byte or FIN can arrive: only an
    // exchange listens for them (a 'data' listener would also start reading for nothing).
    if (this.#wantsReply) {
      socket.on('data', (chunk: Buffer) => this.#onData(chunk));
      socket.on('end', () => this.#onEnd());
    }
    try {
      socket.connect(connectOptions(this.#address, this.#context.target.port, this.#context.options));
    } catch (error) {
      // Node validates ports and addresses synchronously.
      this.#fail(classifyError(error, { phase: 'connect' }));
    }
  }

  #onError(error: NodeJS.ErrnoException): void {
    // EPIPE can only come from a write; everything else is reported where the attempt stood.
    const phase = error.code === 'EPIPE' ? 'send' : this.#phaseNow();
    this.#fail(classifyError(error, { phase }));
  }

  #onConnect(): void {
    const now = performance.now();
    this.#connectMs = now - this.#connectStart;
    if (!this.#wantsReply) return this.#succeed(now);
    this.#exchangeStart = performance.now();
    const { send } = this.#context.options;
    if (send !== undefined && send.length > 0) this.#socket.write(send);
  }

  #onData(chunk: Buffer): void {
    this.#firstByteMs ??= performance.now() - this.#exchangeStart;
    if (this.#reply.length < MAX_REPLY_BYTES) this.#reply = Buffer.concat([this.#reply, chunk]).subarray(0, MAX_REPLY_BYTES);
    if (this.#matches?.(this.#reply)) this.#succeed();
  }

  #onEnd(): void {
    if (this.#reply.length > 0) return this.#fail(mismatch(this.#reply));
    this.#fail(classifyCode(SYNACK_CODES.eof, { phase: 'receive' }));
  }

  #onDeadline(): void {
    if (this.#connectMs !== undefined && this.#reply.length > 0) return this.#fail(mismatch(this.#reply));
    this.#fail(classifyCode(SYNACK_CODES.timeout, { phase: this.#phaseNow() }));
  }

  #phaseNow(): Failure['phase'] {
    return this.#connectMs === undefined ? 'connect' : 'receive';
  }

  /** `now`: the clock reading that ended the attempt, when the caller already took one. */
  #succeed(now = performance.now()): void {
    const context = this.#context;
    const connect = this.#connectMs ?? 0;
    this.#finish({
      ok: true,
      kind: 'tcp',
      target: context.target,
      startedAt: context.startedAt,
      address: this.#address.address,
      family: this.#address.family,
      phases: phasesOf(context.dnsMs, connect, this.#firstByteMs),
      totalMs: now - context.t0,
      latencyMs: connect,
      synRetransmits: synRetransmitsFor(connect),
    });
  }

  #fail(failure: Failure): void {
    const connectMs = this.#connectMs;
    const firstByteMs = this.#firstByteMs;
    const phases = connectMs === undefined ? {} : firstByteMs === undefined ? { connect: connectMs } : { connect: connectMs, firstByte: firstByteMs };
    this.#finish(failed(this.#context, failure, { address: this.#address, ...phases }));
  }

  #finish(outcome: ProbeOutcome): void {
    if (this.#settled) return;
    this.#settled = true;
    clearTimeout(this.#timer);
    if (this.#onAbort !== undefined) this.#context.options.signal?.removeEventListener('abort', this.#onAbort);
    this.#socket.destroy();
    this.#resolve(outcome);
  }
}

function connectOptions(address: ResolvedAddress, port: number, options: ProbeOptions): TcpSocketConnectOpts {
  const connect: TcpSocketConnectOpts = { host: address.address, port, family: address.family };
  if (options.localAddress !== undefined) connect.localAddress = options.localAddress;
  if (options.localPort !== undefined) connect.localPort = options.localPort;
  return connect;
}

function mismatch(reply: Buffer): Failure {
  return classifyCode(SYNACK_CODES.mismatch, {
    phase: 'receive',
    message: `The reply did not match the expectation: got "${previewReply(reply)}".`,
  });
}
