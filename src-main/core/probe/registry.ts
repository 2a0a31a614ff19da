/** Probe kinds by name, and the two ways to run them: the first address, or every address. */
import { lookupTarget, resolveTarget, startAttempt, type Dialler, type Resolution } from './attempt.ts';
import { dialTcp } from './tcp-probe.ts';
import { dialUdp } from './udp-probe.ts';
import type { ProbeKind, ProbeOptions, ProbeOutcome, Target } from './types.ts';

const DIALLERS: Readonly<Record<ProbeKind, Dialler>> = { tcp: dialTcp, udp: dialUdp };

/** The default options, shared: the engine never writes to them. */
const NO_OPTIONS: ProbeOptions = Object.freeze({});

/** Resolves the target and probes the first address. Never throws: programmer errors reject. */
export function probe(kind: ProbeKind, target: Target, options: ProbeOptions = NO_OPTIONS): Promise<ProbeOutcome> {
  try {
    // An IP literal is dialled at once, with no promise in between: a monitor probes literals
    // thousands of times a second.
    const start = startAttempt(kind, target, options);
    if ('ok' in start) return dialResolved(kind, start);
    return lookupTarget(start).then((resolution) => dialResolved(kind, resolution));
  } catch (error) {
    return Promise.reject(error as Error);
  }
}

function dialResolved(kind: ProbeKind, resolution: Resolution): Promise<ProbeOutcome> {
  if (!resolution.ok) return Promise.resolve(resolution.outcome);
  return DIALLERS[kind](resolution.context, resolution.addresses[0]!);
}

/**
 * Resolves once, then probes every address in turn (each with the full timeout), so a
 * broken AAAA record cannot hide behind a working A record.
 */
export async function probeEveryAddress(kind: ProbeKind, target: Target, options: ProbeOptions = {}): Promise<ProbeOutcome[]> {
  const resolution = await resolveTarget(kind, target, options);
  if (!resolution.ok) return [resolution.outcome];
  const outcomes: ProbeOutcome[] = [];
  for (const address of resolution.addresses) {
    const context = { ...resolution.context, t0: performance.now() - resolution.context.dnsMs };
    outcomes.push(await DIALLERS[kind](context, address));
  }
  return outcomes;
}

export const probeTcp = (target: Target, options?: ProbeOptions): Promise<ProbeOutcome> => probe('tcp', target, options);
export const probeUdp = (target: Target, options?: ProbeOptions): Promise<ProbeOutcome> => probe('udp', target, options);
