/**
 * How an endpoint state is shown: a word, a CSS tone and a shape, so colour is never the only
 * signal; plus the order in which states sort (worst first).
 */
import type { EndpointState } from '../../src-main/ipc/dto.ts';

export type StatusTone = 'good' | 'warn' | 'bad' | 'neutral' | 'muted';

export interface StatusLook {
  /** The word shown next to the colour. */
  readonly word: string;
  readonly tone: StatusTone;
  /** Worst first: down sorts before up. */
  readonly severity: number;
}

export const STATUS_LOOK: Readonly<Record<EndpointState, StatusLook>> = {
  down: { word: 'Down', tone: 'bad', severity: 0 },
  recovering: { word: 'Recovering', tone: 'warn', severity: 1 },
  degraded: { word: 'Degraded', tone: 'warn', severity: 2 },
  inconclusive: { word: 'Inconclusive', tone: 'neutral', severity: 3 },
  pending: { word: 'Pending', tone: 'neutral', severity: 4 },
  up: { word: 'Up', tone: 'good', severity: 5 },
  paused: { word: 'Paused', tone: 'muted', severity: 6 },
};

/** States a user filtering for "problems" wants to see. */
export const PROBLEM_STATES: ReadonlySet<EndpointState> = new Set(['down', 'recovering', 'degraded']);

/** Every state, worst first. */
export const STATES_BY_SEVERITY: readonly EndpointState[] = (Object.keys(STATUS_LOOK) as EndpointState[]).sort(
  (a, b) => STATUS_LOOK[a].severity - STATUS_LOOK[b].severity,
);
