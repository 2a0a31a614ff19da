/**
 * Plain, structured-clone-safe data that crosses from the service to the renderer (IPC or
 * WebSocket). No classes, no Dates, no Maps: numbers are ms since the epoch or ms durations.
 */
import type { FailureClass } from '../core/classify/failure-classes.ts';
import type { Endpoint, EndpointKind } from '../core/endpoints/endpoint-schema.ts';
import type { EndpointState } from '../core/monitor/state-machine.ts';
import type { FailurePhase } from '../core/probe/types.ts';

export type { Endpoint, EndpointKind, EndpointState, FailureClass, FailurePhase };

/** One measurement, probe or heartbeat alike. */
export interface SampleDto {
  readonly endpointId: number;
  readonly ts: number;
  readonly kind: EndpointKind;
  readonly ok: boolean;
  /** Headline latency (connect time, UDP reply time, or heartbeat RTT). */
  readonly latencyMs?: number;
  readonly phases?: { readonly dns?: number; readonly connect?: number; readonly firstByte?: number };
  readonly address?: string;
  readonly failureClass?: FailureClass;
  readonly code?: string;
  readonly errno?: number;
  readonly phase?: FailurePhase;
  readonly message?: string;
  readonly hint?: string;
  readonly synRetransmits?: number;
  /** The machine was offline or asleep: this sample does not count against uptime. */
  readonly inconclusive: boolean;
}

/** Live state of a heartbeat session. */
export interface SessionDto {
  readonly status: 'connecting' | 'established' | 'lost' | 'backing-off' | 'stopped';
  /** Established since / lost at / next attempt at, depending on status. */
  readonly at?: number;
  readonly lastRttMs?: number;
  readonly failureClass?: FailureClass;
  readonly attempt?: number;
}

export interface EndpointStatusDto {
  readonly endpointId: number;
  readonly state: EndpointState;
  /** When the current state began. */
  readonly since: number;
  readonly failureClass?: FailureClass;
  readonly flapping: boolean;
  readonly lastSample?: SampleDto;
  readonly session?: SessionDto;
}

/** One row of the overview. */
export interface OverviewRowDto {
  readonly endpoint: Endpoint;
  readonly status: EndpointStatusDto;
  /** Latencies of the last minutes, oldest first; null where the sample failed. */
  readonly sparkline: readonly (number | null)[];
  /** Uptime over the last 24 h in %, null with no conclusive sample. */
  readonly uptime24h: number | null;
}

export type Resolution = 'raw' | 'minute' | 'hour';

export interface SeriesPointDto {
  /** Bucket start. */
  readonly ts: number;
  readonly count: number;
  readonly ok: number;
  readonly inconclusive: number;
  /** Latency statistics of the bucket's successes; null when none succeeded. */
  readonly min: number | null;
  readonly p5: number | null;
  readonly median: number | null;
  readonly p95: number | null;
  readonly max: number | null;
  readonly mean: number | null;
  readonly failures: Partial<Record<FailureClass, number>>;
}

export interface SeriesDto {
  readonly endpointId: number;
  readonly from: number;
  readonly to: number;
  readonly resolution: Resolution;
  readonly bucketMs: number;
  readonly points: readonly SeriesPointDto[];
}

export interface LatencyStatsDto {
  readonly min: number;
  readonly median: number;
  readonly mean: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

export interface IncidentDto {
  readonly start: number;
  /** Null while the incident is still open. */
  readonly end: number | null;
  readonly durationMs: number;
  readonly failureClass?: FailureClass;
  readonly firstError?: string;
  readonly lastError?: string;
}

export interface SummaryDto {
  readonly endpointId: number;
  readonly from: number;
  readonly to: number;
  readonly samples: number;
  readonly ok: number;
  readonly inconclusive: number;
  /** Successes over conclusive samples, in %; null with no conclusive sample. */
  readonly uptimePct: number | null;
  readonly lossPct: number | null;
  readonly latency: LatencyStatsDto | null;
  readonly jitterMs: number | null;
  readonly failures: Partial<Record<FailureClass, number>>;
  readonly synRetransmits: number;
  readonly incidents: readonly IncidentDto[];
}

export type EventType = 'state-change' | 'heartbeat-lost' | 'endpoint-added' | 'endpoint-removed' | 'flapping';

export interface EventDto {
  readonly id: number;
  readonly ts: number;
  readonly endpointId: number;
  readonly type: EventType;
  readonly from?: EndpointState;
  readonly to?: EndpointState;
  readonly failureClass?: FailureClass;
  /** Evidence: counts, the error code and message, latency, grouping under a parent incident. */
  readonly details: Readonly<Record<string, unknown>>;
}

export interface SettingsDto {
  readonly defaults: { readonly intervalMs: number; readonly timeoutMs: number };
  readonly retention: { readonly rawDays: number; readonly minuteDays: number; readonly hourDays: number };
  readonly notifications: { readonly enabled: boolean; readonly onDown: boolean; readonly onRecovered: boolean; readonly onDegraded: boolean };
  readonly theme: 'light' | 'dark' | 'system';
  readonly closeToTray: boolean;
  /** Name of an endpoint (e.g. the default gateway) whose failure marks every failure inconclusive. */
  readonly sentinel: string | null;
  /** Scheduled reports: a daily or weekly HTML report written to an absolute folder path; absent means off. */
  readonly reports?: { readonly schedule: 'off' | 'daily' | 'weekly'; readonly folder: string | null } | undefined;
}

export interface ImportReportDto {
  readonly imported: number;
  readonly problems: readonly { readonly row: number; readonly field: string; readonly message: string }[];
}

/** Batched changes pushed to subscribers (at most 10 per second). */
export interface UpdateBatchDto {
  readonly samples: readonly SampleDto[];
  readonly statuses: readonly EndpointStatusDto[];
  readonly events: readonly EventDto[];
  /** Endpoints added or changed since the last batch. */
  readonly endpoints: readonly Endpoint[];
  readonly removed: readonly number[];
}

/** A rendered report to save: text, or base64 for PDF (`encoding` says which). */
export interface ReportFileDto {
  /** A suggested file name, e.g. `synack-report-host-20250101-0000--20250102-0000.html`. */
  readonly filename: string;
  readonly mime: string;
  readonly encoding: 'utf8' | 'base64';
  readonly content: string;
}

/** Where the desktop shell asks the renderer to go (a notification was clicked). */
export interface NavigateDto {
  /** The endpoint to show; null for the overview. */
  readonly endpointId: number | null;
}
