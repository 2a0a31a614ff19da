/**
 * The report model, and the documented, versioned schema of the JSON export: built once from
 * the service, then rendered to HTML, PDF, CSV or JSON. `docs/report.schema.json` is generated
 * from `reportSchema` (see reportJsonSchema); a change to the shape is a new `schemaVersion`.
 * Timestamps are ISO-8601 UTC strings, durations and latencies are milliseconds, shares percent.
 */
import { z } from 'zod';
import { FAILURE_CLASSES } from '../classify/failure-classes.ts';
import { ENDPOINT_KINDS } from '../endpoints/endpoint-schema.ts';

export const REPORT_SCHEMA_ID = 'synack-report';
export const REPORT_SCHEMA_VERSION = 1;

const iso = z.iso.datetime({ offset: false }).describe('ISO-8601 time in UTC');
const count = z.number().int().nonnegative();
const ms = z.number().nonnegative().describe('milliseconds');
const pct = z.number().min(0).max(100);
const failureClass = z.enum(FAILURE_CLASSES);

export const latencySchema = z
  .object({ min: ms, median: ms, mean: ms, p95: ms, p99: ms, max: ms })
  .strict()
  .describe('Latency of successful probes in ms; median/p95/p99 within header.percentileRelativeError, min/mean/max exact');

export const failureShareSchema = z
  .object({
    class: failureClass,
    title: z.string(),
    explanation: z.string(),
    hint: z.string(),
    count,
    sharePct: pct.describe('Share of this endpoint\'s conclusive failures, in %.'),
  })
  .strict();

export const incidentSchema = z
  .object({
    start: iso,
    end: iso.nullable().describe('Null while the incident is still open.'),
    durationMs: ms.describe('Full length (until now when still open), also the part outside the report\'s range.'),
    inRangeMs: ms.describe('The part inside the report\'s range: what totals add up.'),
    failureClass: failureClass.nullable(),
    firstError: z.string().nullable(),
    lastError: z.string().nullable(),
  })
  .strict();

export const seriesPointSchema = z
  .object({
    ts: count.describe('Bucket start, ms since the epoch.'),
    probes: count,
    ok: count,
    failed: count,
    inconclusive: count,
    minMs: ms.nullable(),
    p5Ms: ms.nullable(),
    medianMs: ms.nullable(),
    p95Ms: ms.nullable(),
    maxMs: ms.nullable(),
    failures: z.partialRecord(failureClass, count),
  })
  .strict();

export const endpointReportSchema = z
  .object({
    id: z.number().int().positive(),
    name: z.string(),
    host: z.string(),
    port: z.number().int(),
    kind: z.enum(ENDPOINT_KINDS),
    tags: z.array(z.string()),
    intervalMs: ms,
    probes: count.describe('Every probe in the range, inconclusive ones included.'),
    ok: count,
    failed: count,
    inconclusive: count.describe('Probes that say nothing about the endpoint (this machine offline or asleep): not counted as down.'),
    availabilityPct: pct.nullable().describe('ok / (probes − inconclusive), in %; null without a conclusive probe.'),
    inconclusivePct: pct.nullable().describe('inconclusive / probes, in %.'),
    inconclusiveMs: ms.describe('Inconclusive probes × the probe interval: an estimate of the time not judged.'),
    lossPct: pct.nullable().describe('Probes that got no answer at all (timeout, half-open), in % of conclusive ones.'),
    latencyMs: latencySchema.nullable(),
    jitterMs: ms.nullable().describe('Mean |Δ| between consecutive successful latencies.'),
    synRetransmits: count.describe('Probes whose connect time suggests a lost SYN (retransmitted after ~1 s).'),
    failures: z.array(failureShareSchema).describe('Conclusive failures by class, most frequent first.'),
    incidents: z.array(incidentSchema).describe('Incidents overlapping the range, longest first.'),
    incidentMs: ms.describe('Incident time inside the range.'),
    series: z
      .object({ resolution: z.enum(['raw', 'minute', 'hour']), bucketMs: ms, points: z.array(seriesPointSchema) })
      .strict()
      .describe('The chart data: non-empty buckets only, oldest first'),
  })
  .strict();

export const worstEndpointSchema = z
  .object({ id: z.number().int().positive(), name: z.string(), availabilityPct: pct.nullable(), incidents: count, incidentMs: ms })
  .strict();

export const reportSchema = z
  .object({
    schema: z.literal(REPORT_SCHEMA_ID),
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
    header: z
      .object({
        from: iso,
        to: iso,
        timeZone: z.string().describe('IANA zone the HTML/PDF show local times in.'),
        generatedAt: iso,
        synackVersion: z.string(),
        machine: z.string().describe('The vantage point: the machine that ran the probes (its host name unless overridden).'),
        selection: z.object({ endpoints: z.array(z.string()), tags: z.array(z.string()) }).strict().describe('What selected the endpoints; empty lists mean all endpoints.'),
        percentileRelativeError: z.number().nonnegative().describe('Worst relative error of latency percentiles read from rollups (0.0099 = ±0.99 %).'),
      })
      .strict(),
    overall: z
      .object({
        endpoints: count,
        probes: count,
        availabilityPct: pct.nullable().describe('Over all endpoints\' conclusive probes, in %.'),
        incidents: count,
        incidentMs: ms.describe('Sum of every endpoint\'s incident time inside the range.'),
        worst: z.array(worstEndpointSchema).describe('Endpoints with the lowest availability (then the most incident time), at most three, only those with trouble.'),
        summary: z.string().describe('A plain-language paragraph generated from the figures.'),
      })
      .strict(),
    endpoints: z.array(endpointReportSchema),
  })
  .strict();

export type Report = z.output<typeof reportSchema>;
export type EndpointReport = z.output<typeof endpointReportSchema>;
export type IncidentReport = z.output<typeof incidentSchema>;
export type FailureShare = z.output<typeof failureShareSchema>;
export type SeriesPointReport = z.output<typeof seriesPointSchema>;
export type WorstEndpoint = z.output<typeof worstEndpointSchema>;

    /** The JSON Schema (draft 2020-12) of the JSON export, as committed under docs/. */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    $id: `https://synack.local/schemas/${REPORT_SCHEMA_ID}-v${REPORT_SCHEMA_VERSION}.json`,
    title: `Synack report, schema version ${REPORT_SCHEMA_VERSION}`,
    ...z.toJSONSchema(reportSchema, { target: 'draft-2020-12' }),
  };
}
