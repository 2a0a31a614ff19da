/**
 * The connect step of a heartbeat session: the probe engine's resolution and classification,
 * but on success the socket is handed over instead of destroyed.
 */
import { Socket } from 'node:net';
import { classifyCode, classifyError, SYNACK_CODES } from '../classify/classify.ts';
import { synRetransmitsFor } from '../classify/syn-retransmit.ts';
import { abortedFailure, failed, phasesOf, resolveTarget } from '../probe/attempt.ts';
import type { FamilyPreference, LookupFn, ProbeFailure, ProbeSuccess, Target } from '../probe/types.ts';

export interface DialOptions {
  readonly timeoutMs: number;
  readonly family?: FamilyPreference;
  readonly lookup?: LookupFn;
  readonly localAddress?: string;
  readonly signal?: AbortSignal;
}

export type DialResult =
  | {
      readonly ok: true;
      readonly outcome: ProbeSuccess;
      readonly socket: Socket;
      /**
       * Call once the new owner has attached its own 'error' listener: removes the listener that
       * kept an early error (an RST racing the handshake) from crashing the process, and returns it.
       */
      readonly handOver: () => unknown;
    }
  | { readonly ok: false; readonly outcome: ProbeFailure };

/** Resolves the target and connects to its first address; never rejects. */
export async function dialSession(target: Target, options: DialOptions): Promise<DialResult> {
  const resolution = await resolveTarget('heartbeat', target, {
    timeoutMs: options.timeoutMs,
    ...(options.family === undefined ? {} : { family: options.family }),
    ...(options.lookup === undefined ? {} : { lookup: options.lookup }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  if (!resolution.ok) return resolution;
  const { context } = resolution;
  const address = resolution.addresses[0]!;

  return new Promise<DialResult>((resolve) => {
    const socket = new Socket();
    const connectStart = performance.now();
    let settled = false;

    const cleanup = (): void => {
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket.removeListener('error', onError);
      socket.removeListener('connect', onConnect);
    };
    const fail = (failure: ProbeFailure['failure']): void => {
      if (settled) return;
      cleanup();
      socket.destroy();
      resolve({ ok: false, outcome: failed(context, failure, { address }) });
    };
    const onAbort = (): void => fail(abortedFailure('connect'));
    const onError = (error: unknown): void => fail(classifyError(error, { phase: 'connect' }));
    const onConnect = (): void => {
      if (settled) return;
      cleanup();
      let early: unknown;
      const park = (error: unknown): void => {
        early ??= error;
      };
      socket.on('error', park);
      const handOver = (): unknown => {
        socket.removeListener('error', park);
        return early;
      };
      const connectMs = performance.now() - connectStart;
      resolve({
        ok: true,
        socket,
        handOver,
        outcome: {
          ok: true,
          kind: 'heartbeat',
          target,
          startedAt: context.startedAt,
          address: address.address,
          family: address.family,
          phases: phasesOf(context.dnsMs, connectMs, undefined),
          totalMs: performance.now() - context.t0,
          latencyMs: connectMs,
          synRetransmits: synRetransmitsFor(connectMs),
        },
      });
    };

    const remaining = context.timeoutMs - (connectStart - context.t0);
    const timer = setTimeout(() => fail(classifyCode(SYNACK_CODES.timeout, { phase: 'connect' })), Math.max(0, remaining));
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    socket.on('error', onError);
    socket.once('connect', onConnect);
    try {
      socket.connect({
        host: address.address,
        port: target.port,
        family: address.family,
        ...(options.localAddress === undefined ? {} : { localAddress: options.localAddress }),
      });
    } catch (error) {
      // Node validates ports and addresses synchronously.
      onError(error);
    }
  });
}
