/**
 * Keeps the tray in step with the endpoints: applies the service's update batches to a map
 * of states and repaints icon, tooltip and menu only when what they show changed.
 */
import type { EndpointState } from '../core/monitor/state-machine.ts';
import type { UpdateBatchDto } from '../ipc/dto.ts';
import type { MenuItemSpec, TrayPort } from './electron-port.ts';
import { HOUR_MS, nextMorning } from './snooze.ts';
import { trayLevel, trayMenu, trayTooltip, type TrayAction, type TrayLevel, type TrayMenuEntry } from './tray-model.ts';

export interface TrayActions {
  open(): void;
  probeAll(): void;
  pauseAll(): void;
  resumeAll(): void;
  /** Snooze notifications until this time (ms since the epoch), or end the snooze (null). */
  snooze(until: number | null): void;
  quit(): void;
}

export class TrayController {
  readonly #tray: TrayPort;
  readonly #iconPath: (level: TrayLevel) => string;
  readonly #actions: TrayActions;
  readonly #states = new Map<number, EndpointState>();
  #snoozedUntil: number | null = null;
  #snoozeTimer: ReturnType<typeof setTimeout> | undefined;
  #shown = { icon: '', tooltip: '', menu: '' };

  constructor(tray: TrayPort, iconPath: (level: TrayLevel) => string, actions: TrayActions) {
    this.#tray = tray;
    this.#iconPath = iconPath;
    this.#actions = actions;
    tray.on('click', () => actions.open());
  }

  /** Replaces every state (the overview snapshot at start). */
  reset(states: Iterable<readonly [number, EndpointState]>): void {
    this.#states.clear();
    for (const [id, state] of states) this.#states.set(id, state);
    this.refresh();
  }

  /** Applies one update batch from the service. */
  apply(batch: UpdateBatchDto): void {
    if (batch.statuses.length === 0 && batch.removed.length === 0) return;
    for (const status of batch.statuses) this.#states.set(status.endpointId, status.state);
    for (const id of batch.removed) this.#states.delete(id);
    this.refresh();
  }

  /** Shows a snooze (or its end) in the tooltip and menu, and repaints when it runs out. */
  setSnooze(until: number | null): void {
    this.#snoozedUntil = until;
    clearTimeout(this.#snoozeTimer);
    this.#snoozeTimer = until === null ? undefined : setTimeout(() => this.setSnooze(null), Math.max(0, until - Date.now()));
    this.refresh();
  }

  /** Recomputes icon, tooltip and menu; touches the tray only for what changed. */
  refresh(): void {
    const now = Date.now();
    const states = [...this.#states.values()];
    const icon = this.#iconPath(trayLevel(states));
    if (icon !== this.#shown.icon) this.#tray.setImage(icon);
    const tooltip = trayTooltip(states, this.#snoozedUntil, now);
    if (tooltip !== this.#shown.tooltip) this.#tray.setToolTip(tooltip);
    const entries = trayMenu({ states, snoozedUntil: this.#snoozedUntil, now, morning: nextMorning(now) });
    const menu = JSON.stringify(entries);
    if (menu !== this.#shown.menu) this.#tray.setContextMenu(entries.map((entry) => this.#menuItem(entry)));
    this.#shown = { icon, tooltip, menu };
  }

  dispose(): void {
    clearTimeout(this.#snoozeTimer);
    this.#tray.destroy();
  }

  #menuItem(entry: TrayMenuEntry): MenuItemSpec {
    if (entry.separator) return { type: 'separator' };
    const { action } = entry;
    return {
      label: entry.label ?? '',
      ...(entry.enabled === undefined ? {} : { enabled: entry.enabled }),
      ...(entry.submenu ? { type: 'submenu' as const, submenu: entry.submenu.map((item) => this.#menuItem(item)) } : {}),
      ...(action ? { click: () => this.#run(action) } : {}),
    };
  }

  #run(action: TrayAction): void {
    const actions = this.#actions;
    switch (action) {
      case 'open':
        return actions.open();
      case 'probe-all':
        return actions.probeAll();
      case 'pause-all':
        return actions.pauseAll();
      case 'resume-all':
        return actions.resumeAll();
      case 'snooze-hour':
        return actions.snooze(Date.now() + HOUR_MS);
      case 'snooze-morning':
        return actions.snooze(nextMorning(Date.now()));
      case 'unsnooze':
        return actions.snooze(null);
      case 'quit':
        return actions.quit();
    }
  }
}
