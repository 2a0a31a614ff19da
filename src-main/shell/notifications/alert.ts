/**
 * Which state transitions deserve a notification: an endpoint going down, coming back
 * (recovered), or turning slow (degraded). Decided per endpoint with the memory of whether
 * it is down, so a network blip (down → inconclusive → down) does not say "down" twice and
 * "recovered" follows only a real outage.
 */
import type { FailureClass } from '../../core/classify/failure-classes.ts';
import type { Endpoint } from '../../core/endpoints/endpoint-schema.ts';
import type { TransitionReport } from '../../core/monitor/monitor-service.ts';
import type { Evidence } from '../../core/monitor/state-machine.ts';

export type AlertKind = 'down' | 'recovered' | 'degraded';

/** A transition worth telling the user about. */
export interface Alert {
  readonly kind: AlertKind;
  readonly endpoint: Endpoint;
  readonly at: number;
  readonly evidence: Evidence;
  readonly failureClass?: FailureClass;
  /** The dependency whose outage this belongs to. */
  readonly groupedUnder?: Endpoint;
  /** For `recovered`: how long the endpoint was down. */
  readonly downForMs?: number;
}

/** Turns transitions into alerts, remembering which endpoints are down and since when. */
export class AlertTracker {
  readonly #downSince = new Map<number, number>();

  /** The alert a transition raises, if any (whatever the settings say: they filter later). */
  alertFor(report: TransitionReport): Alert | undefined {
    const { endpoint, to, at } = report;
    const since = this.#downSince.get(endpoint.id);
    const base = {
      endpoint,
      at,
      evidence: report.evidence,
      ...(report.failureClass === undefined ? {} : { failureClass: report.failureClass }),
      ...(report.groupedUnder === undefined ? {} : { groupedUnder: report.groupedUnder }),
    };
    switch (to) {
      case 'down':
        if (since !== undefined) return undefined;
        this.#downSince.set(endpoint.id, at);
        return { ...base, kind: 'down' };
      case 'up':
      case 'degraded':
        if (since === undefined) return to === 'degraded' ? { ...base, kind: 'degraded' } : undefined;
        this.#downSince.delete(endpoint.id);
        return { ...base, kind: 'recovered', downForMs: Math.max(0, at - since) };
      case 'paused':
        this.#downSince.delete(endpoint.id);
        return undefined;
      default:
        return undefined;
    }
  }
}
