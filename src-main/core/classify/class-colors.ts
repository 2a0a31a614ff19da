/**
 * One colour per failure class, the same in the dashboard's charts, legends and badges and in
 * exported reports. Chosen to stay apart on light and dark backgrounds; legends always name the
 * class as well. Isomorphic: the renderer bundles it.
 */
import type { FailureClass } from './failure-classes.ts';

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
  protocol: '#ffbb78',
  'invalid-target': '#c49c94',
  other: '#9edae5',
};

/** Inconclusive probes (this machine offline or asleep): neutral, never mistaken for a failure. */
export const INCONCLUSIVE_COLOR = '#cfd4da';
