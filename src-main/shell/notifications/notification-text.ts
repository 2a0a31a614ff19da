/** The words of a notification: one alert, a group of alerts, or a summary of folded ones. */
import { CLASS_INFO } from '../../core/classify/failure-classes.ts';
import type { Endpoint } from '../../core/endpoints/endpoint-schema.ts';
import { formatDuration } from '../../core/util/duration.ts';
import type { Alert, AlertKind } from './alert.ts';

/** A notification ready to show; clicking it shows `endpointId` (null: the overview). */
export interface NotificationContent {
  readonly title: string;
  readonly body: string;
  readonly endpointId: number | null;
}

const NAMES_SHOWN = 5;

/** "host:port", IPv6 in brackets. */
export function targetOf(endpoint: Endpoint): string {
  return endpoint.host.includes(':') ? `[${endpoint.host}]:${endpoint.port}` : `${endpoint.host}:${endpoint.port}`;
}

/** The notification of a single alert. */
export function singleAlertText(alert: Alert): NotificationContent {
  const { endpoint } = alert;
  const target = targetOf(endpoint);
  switch (alert.kind) {
    case 'down': {
      const why = alert.failureClass === undefined ? 'Not answering' : CLASS_INFO[alert.failureClass].title;
      const code = alert.evidence.code === undefined ? '' : ` (${alert.evidence.code})`;
      const parent = alert.groupedUnder === undefined ? '' : `\nIt depends on ${alert.groupedUnder.name}, which is down.`;
      return { title: `${endpoint.name} is down`, body: `${why}${code} — ${target}${parent}`, endpointId: endpoint.id };
    }
    case 'recovered': {
      const after = alert.downForMs === undefined ? '' : ` after ${roundedDuration(alert.downForMs)}`;
      const slow = alert.evidence.latencyMs === undefined ? '' : `, ${Math.round(alert.evidence.latencyMs)} ms`;
      return { title: `${endpoint.name} recovered`, body: `Back up${after}${slow} — ${target}`, endpointId: endpoint.id };
    }
    case 'degraded': {
      const latency = alert.evidence.latencyMs === undefined ? 'Slow' : `${Math.round(alert.evidence.latencyMs)} ms`;
      const limit = endpoint.thresholds.degradedLatencyMs;
      return {
        title: `${endpoint.name} is slow`,
        body: `${latency}${limit === undefined ? '' : `, above its ${limit} ms limit`} — ${target}`,
        endpointId: endpoint.id,
      };
    }
  }
}

/** One notification for several alerts of one kind and cause: "5 endpoints down — gateway unreachable". */
export function groupText(kind: AlertKind, alerts: readonly Alert[], cause: string | undefined, parent: Endpoint | undefined): NotificationContent {
  const verb = kind === 'down' ? 'down' : kind === 'recovered' ? 'recovered' : 'slow';
  return {
    title: `${alerts.length} endpoints ${verb}${cause === undefined ? '' : ` — ${cause}`}`,
    body: nameList(alerts.map((alert) => alert.endpoint.name)),
    endpointId: parent?.id ?? null,
  };
}

/** The notification for alerts held back by the rate limit: one per endpoint, its latest. */
export function summaryText(alerts: readonly Alert[]): NotificationContent {
  const [only] = alerts;
  if (alerts.length === 1 && only) return singleAlertText(only);
  const parts = (['down', 'recovered', 'degraded'] as const).flatMap((kind) => {
    const names = alerts.filter((alert) => alert.kind === kind).map((alert) => alert.endpoint.name);
    const label = kind === 'degraded' ? 'slow' : kind;
    return names.length > 0 ? [`${names.length} ${label}: ${nameList(names)}`] : [];
  });
  return { title: `${alerts.length} more endpoints changed`, body: parts.join('\n'), endpointId: null };
}

function nameList(names: readonly string[]): string {
  const shown = names.slice(0, NAMES_SHOWN).join(', ');
  return names.length > NAMES_SHOWN ? `${shown} and ${names.length - NAMES_SHOWN} more` : shown;
}

function roundedDuration(ms: number): string {
  return ms < 1000 ? 'under a second' : formatDuration(Math.round(ms / 1000) * 1000);
}
