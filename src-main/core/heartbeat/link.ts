/**
 * Watches one established connection until it dies: heartbeats in active mode, TCP keepalive in
 * both, and event-driven detection of FIN, RST and socket errors (no timer is involved in seeing
 * a FIN or an RST: the read callback reports them). Reports at most one loss, then tears down.
 */
import { Socket } from 'node:net';
import { classifyCode, classifyError, SYNACK_CODES } from '../classify/classify.ts';
import { compileExpectation, MAX_REPLY_BYTES, previewReply, type ReplyMatcher } from '../probe/expect.ts';
import type { Failure, FailurePhase, ProbeFailure, ProbeSuccess, Target } from '../probe/types.ts';
import type { HeartbeatMode, KeepAlivePolicy, SessionClock } from './types.ts';

export const DEFAULT_INTERVAL_MS = 5000;
export const DEFAULT_REPLY_TIMEOUT_MS = 2000;

/**
 * Whether this Node sets TCP_KEEPINTVL/TCP_KEEPCNT (Node ≥ 24.19: `setKeepAlive(enable, idle,
 * interval, count)`). Older runtimes (an older Electron) take only the idle time, and the kernel
 * defaults apply: 75 s × 9 probes on Linux, so a silent peer is found idle + 11.25 min later.
 */
export const KEEPALIVE_TUNABLE = Socket.prototype.setKeepAlive.length >= 4;

export interface LinkOptions {
  readonly target: Target;
  readonly address: string;
  readonly family: 4 | 6;
  readonly mode: HeartbeatMode;
  readonly keepAlive: KeepAlivePolicy;
  readonly clock: SessionClock;
}

export interface LinkHandlers {
  /** A heartbeat got its matching reply. */
  onBeat(outcome: ProbeSuccess): void;
  /** The connection is gone (the socket is already torn down). Called at most once. */
  onLoss(outcome: ProbeFailure): void;
}

export interface Link {
  /** Closes the connection politely (FIN) and clears every timer; no loss is reported. */
  close(): void;
}

/**
 * Takes ownership of a connected socket. `early` is an error that arrived before the link was
 * attached (an RST racing the handshake); it is reported as the loss at once.
 */
export function watchLink(socket: Socket, options: LinkOptions, handlers: LinkHandlers, early?: unknown): Link {
  const { clock, mode } = options;
  const active = mode.kind === 'active' ? activeSettings(mode) : undefined;
  let timer: NodeJS.Timeout | undefined;
  let done = false;
  // The heartbeat in flight: monotonic and wall send times, and the reply so far.
  let inFlight: { sentAt: number; sentWall: number; reply: Buffer } | undefined;

  const teardown = (how: 'close' | 'reset'): void => {
    done = true;
    clearTimeout(timer);
    timer = undefined;
    socket.removeListener('data', onData);
    socket.removeListener('end', onEnd);
    socket.removeListener('error', onError);
    socket.removeListener('close', onClose);
    // Late errors from a socket being torn down are of no interest, but must not crash the process.
    socket.on('error', ignore);
    if (how === 'reset' && !socket.destroyed) socket.resetAndDestroy();
    else socket.destroy();
  };

  const lose = (failure: Failure, how: 'close' | 'reset' = 'close'): void => {
    if (done) return;
    const now = clock.now();
    const startedAt = inFlight?.sentWall ?? clock.wall();
    const totalMs = inFlight ? now - inFlight.sentAt : 0;
    teardown(how);
    handlers.onLoss({
      ok: false,
      kind: 'heartbeat',
      target: options.target,
      startedAt,
      phases: { dns: 0 },
      totalMs,
      address: options.address,
      family: options.family,
      failure,
    });
  };

  const sendBeat = (): void => {
    timer = undefined;
    if (done || !active) return;
    inFlight = { sentAt: clock.now(), sentWall: clock.wall(), reply: Buffer.alloc(0) };
    timer = setTimeout(onReplyTimeout, active.replyTimeoutMs);
    // A failing write reports through 'error' (EPIPE, ECONNRESET), possibly synchronously.
    socket.write(active.payload);
  };

  const onReplyTimeout = (): void => {
    timer = undefined;
    const reply = inFlight?.reply;
    if (reply && reply.length > 0) return lose(mismatch(reply));
    // Nothing came back: the path or the peer is gone. An RST frees the kernel's state at once
    // instead of retransmitting a FIN into the void.
    lose(classifyCode(SYNACK_CODES.halfOpen, {
      phase: 'receive',
      message: `No reply to the heartbeat within ${Math.round(active?.replyTimeoutMs ?? 0)} ms: the connection looks open but leads nowhere.`,
    }), 'reset');
  };

  const onData = (chunk: Buffer): void => {
    // Unsolicited bytes (and passive mode) are read and dropped: reading keeps FIN/RST visible.
    if (done || !active || !inFlight) return;
    const beat = inFlight;
    beat.reply = beat.reply.length === 0 ? chunk : Buffer.concat([beat.reply, chunk]);
    if (active.matches(beat.reply)) {
      const rttMs = clock.now() - beat.sentAt;
      inFlight = undefined;
      clearTimeout(timer);
      timer = setTimeout(sendBeat, Math.max(0, beat.sentAt + active.intervalMs - clock.now()));
      handlers.onBeat({
        ok: true,
        kind: 'heartbeat',
        target: options.target,
        startedAt: beat.sentWall,
        address: options.address,
        family: options.family,
        phases: { dns: 0, firstByte: rttMs },
        totalMs: rttMs,
        latencyMs: rttMs,
        synRetransmits: 0,
      });
    } else if (beat.reply.length >= MAX_REPLY_BYTES) {
      lose(mismatch(beat.reply));
    }
  };

  const onEnd = (): void =>
    lose(classifyCode(SYNACK_CODES.eof, { phase: 'receive', message: 'The peer closed the connection (FIN).' }));

  const onError = (error: NodeJS.ErrnoException): void => {
    const phase: FailurePhase = error.syscall === 'write' || error.code === 'EPIPE' ? 'send' : 'receive';
    const message = error.code === 'ETIMEDOUT'
      ? 'The established connection timed out: TCP retransmissions or keepalive probes went unanswered.'
      : undefined;
    lose(classifyError(error, message === undefined ? { phase } : { phase, message }));
  };

  // A close that no FIN or error announced (someone destroyed the socket): report it as closed.
  const onClose = (): void => lose(classifyCode(SYNACK_CODES.eof, { phase: 'receive', message: 'The connection was closed.' }));

  socket.setNoDelay(true);
  // Positional, not the options object: a runtime without interval/count then still gets the idle time.
  socket.setKeepAlive(true, options.keepAlive.idleMs, options.keepAlive.intervalMs, options.keepAlive.count);
  socket.on('data', onData);
  socket.on('end', onEnd);
  socket.on('error', onError);
  socket.on('close', onClose);
  if (early !== undefined) onError(early as NodeJS.ErrnoException);
  else if (active) timer = setTimeout(sendBeat, active.intervalMs);

  return {
    close: () => {
      if (!done) teardown('close');
    },
  };
}

interface ActiveSettings {
  readonly payload: Uint8Array;
  readonly matches: ReplyMatcher;
  readonly intervalMs: number;
  readonly replyTimeoutMs: number;
}

function activeSettings(mode: Extract<HeartbeatMode, { kind: 'active' }>): ActiveSettings {
  return {
    payload: mode.payload,
    matches: compileExpectation(mode.expect ?? { kind: 'any' }),
    intervalMs: mode.intervalMs ?? DEFAULT_INTERVAL_MS,
    replyTimeoutMs: mode.replyTimeoutMs ?? DEFAULT_REPLY_TIMEOUT_MS,
  };
}

function mismatch(reply: Buffer): Failure {
  return classifyCode(SYNACK_CODES.mismatch, {
    phase: 'receive',
    message: `The heartbeat reply did not match the expectation: got "${previewReply(reply)}".`,
  });
}

function ignore(): void {}
