/**
 * The two variants under comparison, behind one callback shape so the load drivers treat
 * them identically: Synack's probe engine, and the bare `net.connect` floor.
 */
import { connect } from 'node:net';
import { probe } from '../../src-main/core/probe/registry.ts';

/** Reports one attempt: the connect time in ms, or the error code. */
export type DialDone = (connectMs: number, errorCode: string | undefined) => void;

/** Dials one loopback target and reports once. */
export type Dial = (host: string, port: number, done: DialDone) => void;

export interface Variant {
  readonly name: string;
  readonly dial: Dial;
}

/** The floor for Node: connect, on 'connect' destroy, count; connect time with performance.now() like the engine. */
export const bareDial: Dial = (host, port, done) => {
  const start = performance.now();
  const socket = connect(port, host);
  socket.on('connect', () => {
    const connectMs = performance.now() - start;
    socket.destroy();
    done(connectMs, undefined);
  });
  socket.on('error', (error: NodeJS.ErrnoException) => {
    socket.destroy();
    done(Number.NaN, error.code ?? 'ERROR');
  });
};

/** Synack's engine as an application calls it: `probe('tcp', …)`, reading the reported connect phase. */
export const synackDial: Dial = (host, port, done) => {
  void probe('tcp', { host, port }).then((outcome) => {
    if (outcome.ok) done(outcome.phases.connect ?? Number.NaN, undefined);
    else done(Number.NaN, outcome.failure.code);
  });
};

export const VARIANTS: readonly Variant[] = [
  { name: 'bare net.connect', dial: bareDial },
  { name: 'Synack probe()', dial: synackDial },
];
