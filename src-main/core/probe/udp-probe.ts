/**
 * UDP probe on a connected datagram socket: send one datagram, expect a reply before the
 * deadline. Connecting the socket makes the kernel report an ICMP port-unreachable as
 * ECONNREFUSED (class `refused`); silence is `timeout`, with a hint that it is ambiguous.
 */
import { createSocket } from 'node:dgram';
import { classifyCode, classifyError, SYNACK_CODES } from '../classify/classify.ts';
import { abortedFailure, failed, phasesOf, type Dialler } from './attempt.ts';
import { compileExpectation, previewReply } from './expect.ts';
import type { Failure, ProbeOutcome } from './types.ts';

const EMPTY = new Uint8Array(0);

export const dialUdp: Dialler = (context, address) =>
  new Promise<ProbeOutcome>((resolve) => {
    const { options } = context;
    const matches = compileExpectation(options.expect ?? { kind: 'any' });
    const socket = createSocket({ type: address.family === 6 ? 'udp6' : 'udp4' });
    const connectStart = performance.now();
    let connectMs: number | undefined;
    let sentAt = 0;
    let sent = false;
    let lastReply: Buffer | undefined;
    let settled = false;

    const finish = (outcome: ProbeOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      try {
        socket.close();
      } catch {
        // Already closed by a failed bind/connect: nothing left to release.
      }
      resolve(outcome);
    };
    const phaseNow = (): Failure['phase'] => (connectMs === undefined ? 'connect' : sent ? 'receive' : 'send');
    const fail = (failure: Failure, firstByte?: number): void => {
      const phases = connectMs === undefined ? {} : firstByte === undefined ? { connect: connectMs } : { connect: connectMs, firstByte };
      finish(failed(context, failure, { address, ...phases }));
    };

    const onAbort = (): void => fail(abortedFailure(phaseNow()));
    const remaining = context.timeoutMs - (connectStart - context.t0);
    const timer = setTimeout(() => {
      if (lastReply) {
        return fail(
          classifyCode(SYNACK_CODES.mismatch, { phase: 'receive', message: `The reply did not match the expectation: got "${previewReply(lastReply)}".` }),
        );
      }
      fail(classifyCode(SYNACK_CODES.timeout, { phase: phaseNow(), udp: true }));
    }, Math.max(0, remaining));
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });

    socket.on('error', (error: NodeJS.ErrnoException) => fail(classifyError(error, { phase: phaseNow(), udp: true })));
    socket.on('connect', () => {
      connectMs = performance.now() - connectStart;
      sentAt = performance.now();
      socket.send(options.send ?? EMPTY, (error) => {
        if (error) return fail(classifyError(error, { phase: 'send', udp: true }));
        sent = true;
      });
    });
    socket.on('message', (message: Buffer) => {
      const firstByte = performance.now() - sentAt;
      if (!matches(message)) {
        lastReply = message;
        return;
      }
      finish({
        ok: true,
        kind: 'udp',
        target: context.target,
        startedAt: context.startedAt,
        address: address.address,
        family: address.family,
        phases: phasesOf(context.dnsMs, connectMs, firstByte),
        totalMs: performance.now() - context.t0,
        latencyMs: firstByte,
        synRetransmits: 0,
      });
    });

    try {
      const connect = (): void => socket.connect(context.target.port, address.address);
      if (options.localAddress !== undefined || options.localPort !== undefined) {
        socket.bind({ port: options.localPort ?? 0, ...(options.localAddress === undefined ? {} : { address: options.localAddress }) }, connect);
      } else {
        connect();
      }
    } catch (error) {
      fail(classifyError(error, { phase: 'connect', udp: true }));
    }
  });
