/**
 * TCP connect probe: a non-blocking connect to a resolved address under the attempt's
 * deadline, then an optional send/expect exchange. Settles exactly once; every path
 * destroys the socket and clears its timer.
 */
import { Socket, type TcpSocketConnectOpts } from 'node:net';
import { classifyCode, classifyError, SYNACK_CODES } from '../classify/classify.ts';
import { synRetransmitsFor } from '../classify/syn-retransmit.ts';
import { abortedFailure, failed, phasesOf, type Dialler } from './attempt.ts';
import { compileExpectation, MAX_REPLY_BYTES, previewReply } from './expect.ts';
import type { Failure, ProbeOptions, ProbeOutcome, ResolvedAddress } from './types.ts';

/** The reply so far before any byte; never written to (`Buffer.concat` copies). */
const EMPTY = Buffer.alloc(0);

export const dialTcp: Dialler = (context, address) =>
  new Promise<ProbeOutcome>((resolve) => {
    const { options } = context;
    const wantsReply = options.send !== undefined || options.expect !== undefined;
    const matches = wantsReply ? compileExpectation(options.expect ?? { kind: 'any' }) : undefined;
    const socket = new Socket();
    const connectStart = performance.now();
    let connectMs: number | undefined;
    let firstByteMs: number | undefined;
    let exchangeStart = 0;
    let reply: Buffer = EMPTY;
    let settled = false;

    const finish = (outcome: ProbeOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(outcome);
    };
    const fail = (failure: Failure): void => {
      finish(failed(context, failure, { address, ...definedPhases() }));
    };
    const definedPhases = (): { connect?: number; firstByte?: number } =>
      connectMs === undefined ? {} : firstByteMs === undefined ? { connect: connectMs } : { connect: connectMs, firstByte: firstByteMs };
    const succeed = (): void => {
      const connect = connectMs ?? 0;
      finish({
        ok: true,
        kind: 'tcp',
        target: context.target,
        startedAt: context.startedAt,
        address: address.address,
        family: address.family,
        phases: phasesOf(context.dnsMs, connect, firstByteMs),
        totalMs: performance.now() - context.t0,
        latencyMs: connect,
        synRetransmits: synRetransmitsFor(connect),
      });
    };
    const phaseNow = (): Failure['phase'] => (connectMs === undefined ? 'connect' : 'receive');

    const onAbort = (): void => fail(abortedFailure(phaseNow()));
    const remaining = context.timeoutMs - (connectStart - context.t0);
    const timer = setTimeout(() => {
      if (connectMs !== undefined && reply.length > 0) return fail(mismatch(reply));
      fail(classifyCode(SYNACK_CODES.timeout, { phase: phaseNow() }));
    }, Math.max(0, remaining));
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });

    socket.on('error', (error: NodeJS.ErrnoException) => {
      // EPIPE can only come from a write; everything else is reported where the attempt stood.
      const phase = error.code === 'EPIPE' ? 'send' : phaseNow();
      fail(classifyError(error, { phase }));
    });
    socket.on('connect', () => {
      connectMs = performance.now() - connectStart;
      if (!wantsReply) return succeed();
      exchangeStart = performance.now();
      if (options.send !== undefined && options.send.length > 0) socket.write(options.send);
    });
    // A plain connect probe settles on 'connect', before any byte or FIN can arrive: only an
    // exchange listens for them (a 'data' listener would also start reading for nothing).
    if (wantsReply) {
      socket.on('data', (chunk: Buffer) => {
        firstByteMs ??= performance.now() - exchangeStart;
        if (reply.length < MAX_REPLY_BYTES) reply = Buffer.concat([reply, chunk]).subarray(0, MAX_REPLY_BYTES);
        if (matches?.(reply)) succeed();
      });
      socket.on('end', () => {
        if (reply.length > 0) return fail(mismatch(reply));
        fail(classifyCode(SYNACK_CODES.eof, { phase: 'receive' }));
      });
    }

    try {
      socket.connect(connectOptions(address, context.target.port, options));
    } catch (error) {
      // Node validates ports and addresses synchronously.
      fail(classifyError(error, { phase: 'connect' }));
    }
  });

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
