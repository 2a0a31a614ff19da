/** One fixed colour per failure class, the same in every chart and legend of a report. */
import type { FailureClass } from '../classify/failure-classes.ts';

export const CLASS_COLORS: Readonly<Record<FailureClass, string>> = {
  refused: '#d62728',
  timeout: '#ff7f0e',
  'host-unreachable': '#9467bd',
  'net-unreachable': '#8c564b',
  'permission-denied': '#e377c2',
  'local-address': '#7f7f7f',
  reset: '#bcbd22',
  'broken-pipe': '#17becf',
  'peer-closed': '#1f77b4',
  'half-open': '#aec7e8',
  dns: '#2ca02c',
  protocol: '#98df8a',
  'invalid-target': '#c5b0d5',
  other: '#c49c94',
};

/** Inconclusive probes (this machine offline or asleep): neutral, never mistaken for a failure. */
export const INCONCLUSIVE_COLOR = '#cfd4da';
