/**
 * What the tray shows, decided from the endpoints' states alone: the icon (the worst state),
 * the tooltip (counts) and the menu. Pure, so every rule is tested without a tray.
 */
import type { EndpointState } from '../core/monitor/state-machine.ts';
import { formatClock } from './snooze.ts';

/** Icon levels, worst first. */
export const TRAY_LEVELS = ['down', 'degraded', 'inconclusive', 'paused', 'up'] as const;
export type TrayLevel = (typeof TRAY_LEVELS)[number];

/** Which icon level each state raises: recovering is not up yet, pending has no verdict. */
const LEVEL_OF_STATE: Readonly<Record<EndpointState, TrayLevel>> = {
  down: 'down',
  recovering: 'degraded',
  degraded: 'degraded',
  inconclusive: 'inconclusive',
  paused: 'paused',
  up: 'up',
  pending: 'up',
};

/** The worst level among the states (`up` when there are none). */
export function trayLevel(states: Iterable<EndpointState>): TrayLevel {
  let worst = TRAY_LEVELS.indexOf('up');
  for (const state of states) worst = Math.min(worst, TRAY_LEVELS.indexOf(LEVEL_OF_STATE[state]));
  return TRAY_LEVELS[worst] ?? 'up';
}

/** Tooltip order: the good news first, as in "Synack — 12 up, 1 down". */
const TOOLTIP_ORDER: readonly EndpointState[] = ['up', 'degraded', 'recovering', 'down', 'inconclusive', 'pending', 'paused'];

/** "Synack — 12 up, 1 down" (zero counts left out), plus a snooze line while snoozed. */
export function trayTooltip(states: Iterable<EndpointState>, snoozedUntil: number | null, now: number): string {
  const counts = new Map<EndpointState, number>();
  for (const state of states) counts.set(state, (counts.get(state) ?? 0) + 1);
  const parts = TOOLTIP_ORDER.filter((state) => counts.has(state)).map((state) => `${counts.get(state)} ${state}`);
  const head = `Synack — ${parts.length > 0 ? parts.join(', ') : 'no endpoints'}`;
  return snoozedUntil !== null && snoozedUntil > now ? `${head}\nNotifications snoozed until ${formatClock(snoozedUntil, now)}` : head;
}

export type TrayAction = 'open' | 'probe-all' | 'pause-all' | 'resume-all' | 'snooze-hour' | 'snooze-morning' | 'unsnooze' | 'quit';

/** A menu entry as data: `action` is what clicking it does. */
export interface TrayMenuEntry {
  readonly label?: string;
  readonly action?: TrayAction;
  readonly separator?: true;
  readonly enabled?: boolean;
  readonly submenu?: readonly TrayMenuEntry[];
}

export interface TrayMenuInput {
  readonly states: readonly EndpointState[];
  readonly snoozedUntil: number | null;
  readonly now: number;
  /** When "until the morning" ends, for its label. */
  readonly morning: number;
}

/** Open · Probe all now · Pause all / Resume all · Snooze ▸ · Quit. */
export function trayMenu(input: TrayMenuInput): readonly TrayMenuEntry[] {
  const any = input.states.length > 0;
  const allPaused = any && input.states.every((state) => state === 'paused');
  const snoozed = input.snoozedUntil !== null && input.snoozedUntil > input.now;
  const snoozeMenu: TrayMenuEntry[] = [
    { label: 'For 1 hour', action: 'snooze-hour' },
    { label: `Until ${formatClock(input.morning, input.now)}`, action: 'snooze-morning' },
  ];
  if (snoozed && input.snoozedUntil !== null) {
    snoozeMenu.push({ separator: true }, { label: `Resume notifications (snoozed until ${formatClock(input.snoozedUntil, input.now)})`, action: 'unsnooze' });
  }
  return [
    { label: 'Open Synack', action: 'open' },
    { separator: true },
    { label: 'Probe all now', action: 'probe-all', enabled: any && !allPaused },
    allPaused ? { label: 'Resume all', action: 'resume-all' } : { label: 'Pause all', action: 'pause-all', enabled: any },
    { separator: true },
    { label: snoozed ? 'Notifications snoozed' : 'Snooze notifications', submenu: snoozeMenu },
    { separator: true },
    { label: 'Quit Synack', action: 'quit' },
  ];
}
