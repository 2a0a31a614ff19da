/**
 * Builds the report model once, from the service's summaries and series; every format is
 * rendered from the result. Figures come from the store's rollups (counts exact, latency
 * percentiles within the sketch's error), incidents from the recorded state changes.
 */
import { CLASS_INFO, FAILURE_CLASSES, type FailureClass } from '../classify/failure-classes.ts';
import type { Endpoint } from '../endpoints/endpoint-schema.ts';
import { NotFoundError } from '../monitor/history-store.ts';
import { SKETCH_RELATIVE_ERROR } from '../store/sketch.ts';
import type { IncidentDto, SeriesDto, SummaryDto } from '../../ipc/dto.ts';
import { localTimeZone, machineName, SYNACK_VERSION } from './app-info.ts';
import { reportSummary } from './narrative.ts';
import {
  REPORT_SCHEMA_ID, REPORT_SCHEMA_VERSION,
  type EndpointReport, type FailureShare, type IncidentReport, type Report, type SeriesPointReport, type WorstEndpoint,
} from './report-schema.ts';

/** What a report reads; MonitorService provides it. */
export interface ReportSource {
  listEndpoints(): readonly Endpoint[];
  summary(id: number, from: number, to: number): SummaryDto;
  series(id: number, from: number, to: number, maxPoints: number): SeriesDto;
}

export interface ReportSelection {
  readonly from: number;
  readonly to: number;
  /** Endpoints by id; with `tags`, an endpoint matching either is included. None: all endpoints. */
  readonly endpointIds?: readonly number[] | undefined;
  readonly tags?: readonly string[] | undefined;
}

export interface ReportContext {
  /** @default Date.now */
  readonly now?: () => number;
  /** IANA zone for local times. @default this machine's zone */
  readonly timeZone?: string;
  /** The vantage point's name. @default os.hostname() */
  readonly machine?: string;
  /** @default package.json's version */
  readonly version?: string;
  /** Chart resolution: buckets across the range. @default 240 */
  readonly chartPoints?: number;
}

const WORST_COUNT = 3;

export function buildReport(source: ReportSource, selection: ReportSelection, context: ReportContext = {}): Report {
  const now = (context.now ?? Date.now)();
  const { from, to } = selection;
  if (!(to > from)) throw new RangeError('the report range must end after it starts');
  const endpoints = selectEndpoints(source.listEndpoints(), selection);
  const reports = endpoints.map((endpoint) => endpointReport(source, endpoint, from, to, now, context.chartPoints ?? 240));
  const partial: Omit<Report, 'overall'> = {
    schema: REPORT_SCHEMA_ID,
    schemaVersion: REPORT_SCHEMA_VERSION,
    header: {
      from: iso(from),
      to: iso(to),
      timeZone: context.timeZone ?? localTimeZone(),
      generatedAt: iso(now),
      synackVersion: context.version ?? SYNACK_VERSION,
      machine: context.machine ?? machineName(),
      selection: {
        endpoints: selection.endpointIds ? endpoints.filter((e) => selection.endpointIds!.includes(e.id)).map((e) => e.name) : [],
        tags: [...(selection.tags ?? [])],
      },
      percentileRelativeError: SKETCH_RELATIVE_ERROR,
    },
    endpoints: reports,
  };
  const overall = overallOf(reports);
  return { ...partial, overall: { ...overall, summary: reportSummary({ ...partial, overall: { ...overall, summary: '' } }) } };
}

/** Endpoints named by id or carrying one of the tags (all when neither is given), in list order. */
export function selectEndpoints(all: readonly Endpoint[], selection: Pick<ReportSelection, 'endpointIds' | 'tags'>): Endpoint[] {
  const ids = selection.endpointIds ?? [];
  const tags = selection.tags ?? [];
  for (const id of ids) {
    if (!all.some((endpoint) => endpoint.id === id)) throw new NotFoundError(`endpoint ${id} does not exist`);
  }
  if (ids.length === 0 && tags.length === 0) return [...all];
  return all.filter((endpoint) => ids.includes(endpoint.id) || endpoint.tags.some((tag) => tags.includes(tag)));
}

function endpointReport(source: ReportSource, endpoint: Endpoint, from: number, to: number, now: number, chartPoints: number): EndpointReport {
  const summary = source.summary(endpoint.id, from, to);
  const series = source.series(endpoint.id, from, to, chartPoints);
  const failed = summary.samples - summary.ok - summary.inconclusive;
  const incidents = summary.incidents.map((incident) => incidentReport(incident, from, to, now)).sort((a, b) => b.durationMs - a.durationMs);
  return {
    id: endpoint.id,
    name: endpoint.name,
    host: endpoint.host,
    port: endpoint.port,
    kind: endpoint.kind,
    tags: [...endpoint.tags],
    intervalMs: endpoint.intervalMs,
    probes: summary.samples,
    ok: summary.ok,
    failed,
    inconclusive: summary.inconclusive,
    availabilityPct: summary.uptimePct,
    inconclusivePct: summary.samples > 0 ? (summary.inconclusive / summary.samples) * 100 : null,
    inconclusiveMs: summary.inconclusive * endpoint.intervalMs,
    lossPct: summary.lossPct,
    latencyMs: summary.latency && { ...summary.latency },
    jitterMs: summary.jitterMs,
    synRetransmits: summary.synRetransmits,
    failures: failureShares(summary.failures),
    incidents,
    incidentMs: incidents.reduce((sum, incident) => sum + incident.inRangeMs, 0),
    series: { resolution: series.resolution, bucketMs: series.bucketMs, points: series.points.map(seriesPoint) },
  };
}

function failureShares(failures: Partial<Record<FailureClass, number>>): FailureShare[] {
  const total = FAILURE_CLASSES.reduce((sum, c) => sum + (failures[c] ?? 0), 0);
  return FAILURE_CLASSES.flatMap((c) => {
    const count = failures[c] ?? 0;
    if (count === 0) return [];
    const { title, explanation, hint } = CLASS_INFO[c];
    return [{ class: c, title, explanation, hint, count, sharePct: (count / total) * 100 }];
  }).sort((a, b) => b.count - a.count);
}

function incidentReport(incident: IncidentDto, from: number, to: number, now: number): IncidentReport {
  const end = incident.end ?? Math.min(to, now);
  return {
    start: iso(incident.start),
    end: incident.end === null ? null : iso(incident.end),
    durationMs: incident.durationMs,
    inRangeMs: Math.max(0, Math.min(end, to) - Math.max(incident.start, from)),
    failureClass: incident.failureClass ?? null,
    firstError: incident.firstError ?? null,
    lastError: incident.lastError ?? null,
  };
}

function seriesPoint(point: SeriesDto['points'][number]): SeriesPointReport {
  return {
    ts: point.ts,
    probes: point.count,
    ok: point.ok,
    failed: point.count - point.ok - point.inconclusive,
    inconclusive: point.inconclusive,
    minMs: point.min,
    p5Ms: point.p5,
    medianMs: point.median,
    p95Ms: point.p95,
    maxMs: point.max,
    failures: { ...point.failures },
  };
}

function overallOf(reports: readonly EndpointReport[]): Omit<Report['overall'], 'summary'> {
  const conclusive = reports.reduce((sum, r) => sum + r.probes - r.inconclusive, 0);
  const ok = reports.reduce((sum, r) => sum + r.ok, 0);
  return {
    endpoints: reports.length,
    probes: reports.reduce((sum, r) => sum + r.probes, 0),
    availabilityPct: conclusive > 0 ? (ok / conclusive) * 100 : null,
    incidents: reports.reduce((sum, r) => sum + r.incidents.length, 0),
    incidentMs: reports.reduce((sum, r) => sum + r.incidentMs, 0),
    worst: worstEndpoints(reports),
  };
}

/** The endpoints in trouble (a failure or an incident), lowest availability first, then most incident time. */
function worstEndpoints(reports: readonly EndpointReport[]): WorstEndpoint[] {
  return reports
    .filter((r) => r.failed > 0 || r.incidents.length > 0)
    .sort((a, b) => (a.availabilityPct ?? 101) - (b.availabilityPct ?? 101) || b.incidentMs - a.incidentMs || a.name.localeCompare(b.name))
    .slice(0, WORST_COUNT)
    .map((r) => ({ id: r.id, name: r.name, availabilityPct: r.availabilityPct, incidents: r.incidents.length, incidentMs: r.incidentMs }));
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
