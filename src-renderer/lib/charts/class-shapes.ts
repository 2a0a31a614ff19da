/** A marker shape per failure class, so classes differ by shape as well as colour. */
import type { PointStyle } from 'chart.js';
import type { FailureClass } from '../../../src-main/core/classify/failure-classes.ts';

export const CLASS_SHAPES: Readonly<Record<FailureClass, PointStyle>> = {
  refused: 'crossRot',
  timeout: 'triangle',
  'host-unreachable': 'rectRot',
  'net-unreachable': 'rect',
  'permission-denied': 'star',
  'local-address': 'dash',
  reset: 'cross',
  'broken-pipe': 'line',
  'peer-closed': 'circle',
  'half-open': 'rectRounded',
  dns: 'triangle',
  protocol: 'rectRot',
  'invalid-target': 'rect',
  other: 'circle',
};
