/**
 * When and how to notify. Alerts are collected for a short window so that an outage hitting
 * many endpoints at once becomes one notification ("5 endpoints down — gateway unreachable");
 * each endpoint is told about at most once per 10 s and all together at most 6 times a
 * minute, the rest folded into one summary when the budget allows; flapping endpoints and
 * snoozed periods stay silent. Pure logic on the global clock and timers (fake in tests).
 */
import { CLASS_INFO } from '../../core/classify/failure-classes.ts';
import type { Endpoint } from '../../core/endpoints/endpoint-schema.ts';
import type { TransitionReport } from '../../core/monitor/monitor-service.ts';
import type { Settings } from '../../core/monitor/settings-schema.ts';
import { AlertTracker, type Alert, type AlertKind } from './alert.ts';
import { groupText, singleAlertText, summaryText, type NotificationContent } from './notification-text.ts';

export interface NotificationLimits {
  /** How long alerts are collected before they are grouped and shown. @default 2000 */
  readonly collectMs: number;
  /** Least time between two notifications naming the same endpoint. @default 10000 */
  readonly perEndpointMs: number;
  /** Notifications shown per `windowMs` at most. @default 6 */
  readonly perWindow: number;
  /** @default 60000 */
  readonly windowMs: number;
}

export const DEFAULT_LIMITS: NotificationLimits = { collectMs: 2000, perEndpointMs: 10_000, perWindow: 6, windowMs: 60_000 };

export interface NotificationPolicyOptions {
  /** Shows one notification. */
  readonly show: (content: NotificationContent) => void;
  /** The current notification settings (read at each alert, so changes apply at once). */
  readonly settings: () => Settings['notifications'];
  readonly limits?: Partial<NotificationLimits>;
}

export class NotificationPolicy {
  readonly #show: (content: NotificationContent) => void;
  readonly #settings: () => Settings['notifications'];
  readonly #limits: NotificationLimits;
  readonly #tracker = new AlertTracker();
  #pending: Alert[] = [];
  #folded: Alert[] = [];
  #collectTimer: ReturnType<typeof setTimeout> | undefined;
  #summaryTimer: ReturnType<typeof setTimeout> | undefined;
  /** When each recent notification was shown (within the last window). */
  #shownAt: number[] = [];
  readonly #lastShownFor = new Map<number, number>();
  #snoozedUntil: number | null = null;

  constructor(options: NotificationPolicyOptions) {
    this.#show = options.show;
    this.#settings = options.settings;
    this.#limits = { ...DEFAULT_LIMITS, ...options.limits };
  }

  /** Feeds one state transition from the service. */
  observe(report: TransitionReport): void {
    const alert = this.#tracker.alertFor(report);
    if (!alert || report.flapping || !this.#wanted(alert.kind) || this.#snoozed()) return;
    this.#pending.push(alert);
    this.#collectTimer ??= setTimeout(() => this.#flush(), this.#limits.collectMs);
  }

  /** Silences notifications until `until` (ms since the epoch); null ends a snooze. */
  snooze(until: number | null): void {
    this.#snoozedUntil = until;
    if (this.#snoozed()) {
      this.#pending = [];
      this.#folded = [];
    }
  }

  /** When the current snooze ends; null when not snoozed. */
  get snoozedUntil(): number | null {
    return this.#snoozed() ? this.#snoozedUntil : null;
  }

  /** Drops what is pending and clears every timer. */
  dispose(): void {
    clearTimeout(this.#collectTimer);
    clearTimeout(this.#summaryTimer);
    this.#collectTimer = undefined;
    this.#summaryTimer = undefined;
    this.#pending = [];
    this.#folded = [];
  }

  #wanted(kind: AlertKind): boolean {
    const settings = this.#settings();
    if (!settings.enabled) return false;
    return kind === 'down' ? settings.onDown : kind === 'recovered' ? settings.onRecovered : settings.onDegraded;
  }

  #snoozed(): boolean {
    return this.#snoozedUntil !== null && Date.now() < this.#snoozedUntil;
  }

  #flush(): void {
    this.#collectTimer = undefined;
    const alerts = latestPerEndpoint(this.#pending, true);
    this.#pending = [];
    if (this.#snoozed()) return;
    const now = Date.now();
    const fresh: Alert[] = [];
    for (const alert of alerts) {
      const last = this.#lastShownFor.get(alert.endpoint.id);
      if (last !== undefined && now - last < this.#limits.perEndpointMs) this.#folded.push(alert);
      else fresh.push(alert);
    }
    for (const group of groupAlerts(fresh)) {
      if (this.#hasBudget(now)) this.#emit(group.content, group.alerts, now);
      else this.#folded.push(...group.alerts);
    }
    this.#scheduleSummary(now);
  }

  #hasBudget(now: number): boolean {
    this.#shownAt = this.#shownAt.filter((at) => now - at < this.#limits.windowMs);
    return this.#shownAt.length < this.#limits.perWindow;
  }

  #emit(content: NotificationContent, alerts: readonly Alert[], now: number): void {
    this.#shownAt.push(now);
    for (const alert of alerts) this.#lastShownFor.set(alert.endpoint.id, now);
    this.#show(content);
  }

  /** Folded alerts go out as one summary once the budget has room (and not before 10 s). */
  #scheduleSummary(now: number): void {
    if (this.#folded.length === 0 || this.#summaryTimer !== undefined) return;
    this.#hasBudget(now);
    const [oldest] = this.#shownAt;
    const budgetFree = this.#shownAt.length < this.#limits.perWindow || oldest === undefined ? now : oldest + this.#limits.windowMs;
    const due = Math.max(budgetFree, now + this.#limits.perEndpointMs);
    this.#summaryTimer = setTimeout(() => this.#flushSummary(), due - now);
  }

  #flushSummary(): void {
    this.#summaryTimer = undefined;
    const now = Date.now();
    if (this.#snoozed()) {
      this.#folded = [];
      return;
    }
    if (this.#folded.length === 0) return;
    if (!this.#hasBudget(now)) return this.#scheduleSummary(now);
    const alerts = latestPerEndpoint(this.#folded, false);
    this.#folded = [];
    if (alerts.length > 0) this.#emit(summaryText(alerts), alerts, now);
  }
}

interface AlertGroup {
  readonly content: NotificationContent;
  readonly alerts: readonly Alert[];
}

/**
 * Groups alerts that share a cause: down alerts under the same dependency (the dependency's
 * own alert included) or, failing that, with the same failure class; recoveries together;
 * slowdowns together. A group of one is shown as that one alert.
 */
export function groupAlerts(alerts: readonly Alert[]): AlertGroup[] {
  const groups = new Map<string, { kind: AlertKind; alerts: Alert[]; cause?: string; parent?: Endpoint }>();
  const parents = new Map<number, Endpoint>();
  for (const alert of alerts) if (alert.kind === 'down' && alert.groupedUnder) parents.set(alert.groupedUnder.id, alert.groupedUnder);
  for (const alert of alerts) {
    let key: string = alert.kind;
    let cause: string | undefined;
    let parent: Endpoint | undefined;
    if (alert.kind === 'down') {
      parent = alert.groupedUnder ?? parents.get(alert.endpoint.id);
      if (parent) {
        key = `down:under:${parent.id}`;
        cause = `${parent.name} unreachable`;
      } else {
        key = `down:class:${alert.failureClass ?? 'unknown'}`;
        cause = alert.failureClass === undefined ? undefined : CLASS_INFO[alert.failureClass].title.toLowerCase();
      }
    }
    const group = groups.get(key) ?? { kind: alert.kind, alerts: [], ...(cause === undefined ? {} : { cause }), ...(parent ? { parent } : {}) };
    group.alerts.push(alert);
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => {
    const [only] = group.alerts;
    const content = group.alerts.length === 1 && only ? singleAlertText(only) : groupText(group.kind, group.alerts, group.cause, group.parent);
    return { content, alerts: group.alerts };
  });
}

/**
 * One alert per endpoint, its latest. With `dropBlips`, an endpoint that went down and
 * recovered within the same collection window is left out altogether.
 */
function latestPerEndpoint(alerts: readonly Alert[], dropBlips: boolean): Alert[] {
  const first = new Map<number, Alert>();
  const latest = new Map<number, Alert>();
  for (const alert of alerts) {
    if (!first.has(alert.endpoint.id)) first.set(alert.endpoint.id, alert);
    latest.set(alert.endpoint.id, alert);
  }
  return [...latest.values()].filter((alert) => !(dropBlips && alert.kind === 'recovered' && first.get(alert.endpoint.id)?.kind === 'down'));
}
