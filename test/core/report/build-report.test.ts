import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLASS_INFO } from '../../../src-main/core/classify/failure-classes.ts';
import { NotFoundError } from '../../../src-main/core/monitor/history-store.ts';
import { buildReport } from '../../../src-main/core/report/build-report.ts';
import { reportSchema, type EndpointReport, type Report } from '../../../src-main/core/report/report-schema.ts';
import { SKETCH_RELATIVE_ERROR } from '../../../src-main/core/store/sketch.ts';
import { toMicros } from '../../../src-main/core/store/sample.ts';
import { DAY, HOUR, INCONCLUSIVE, openFixture, OUTAGES, sortedGatewayLatencies, type Fixture } from './fixture.ts';

let fixture: Fixture;
let report: Report;
let gateway: EndpointReport;
let web: EndpointReport;
let resolver: EndpointReport;

beforeAll(() => {
  fixture = openFixture();
  report = buildReport(fixture.service, { from: fixture.t0, to: fixture.t0 + DAY }, { machine: 'probe-01', timeZone: 'Europe/Berlin', version: '9.9.9', now: () => fixture.now });
  [gateway, web, resolver] = report.endpoints as [EndpointReport, EndpointReport, EndpointReport];
});
afterAll(() => fixture.close());

/** Nearest-rank quantile on q·(n−1): the rank the sketch targets. */
function exactQuantile(sorted: readonly number[], q: number): number {
  return sorted[Math.round(q * (sorted.length - 1))]!;
}

describe('buildReport on a generated day with known properties', () => {
  it('fills the header from the context and validates against the published schema', () => {
    expect(report.header).toEqual({
      from: new Date(fixture.t0).toISOString(),
      to: new Date(fixture.t0 + DAY).toISOString(),
      timeZone: 'Europe/Berlin',
      generatedAt: new Date(fixture.now).toISOString(),
      synackVersion: '9.9.9',
      machine: 'probe-01',
      selection: { endpoints: [], tags: [] },
      percentileRelativeError: SKETCH_RELATIVE_ERROR,
    });
    expect(reportSchema.safeParse(report).success).toBe(true);
    expect(report.endpoints.map((e) => e.name)).toEqual(['isp-gateway', 'web', 'resolver']);
  });

  it('gives exact counts, availability (inconclusive apart), loss and SYN retransmits', () => {
    const synFlagged = fixture.gatewaySamples.filter((s) => (s.synRetransmits ?? 0) > 0).length;
    expect(gateway).toMatchObject({ probes: 86_400, ok: 85_910, failed: 390, inconclusive: 100, synRetransmits: synFlagged, inconclusiveMs: 100 * 1000 });
    expect(gateway.availabilityPct).toBe((85_910 / 86_300) * 100);
    expect(gateway.lossPct).toBe((70 / 86_300) * 100);
    expect(gateway.inconclusivePct).toBe((INCONCLUSIVE.seconds / 86_400) * 100);
    expect(web).toMatchObject({ probes: 8640, ok: 8640, failed: 0, availabilityPct: 100, lossPct: 0, failures: [], incidents: [], incidentMs: 0 });
    expect(resolver).toMatchObject({ probes: 1440, ok: 1320, failed: 120, inconclusive: 0 });
    expect(resolver.availabilityPct).toBe((1320 / 1440) * 100);
  });

  it('gives failures by class with counts, shares and the class explanations, most frequent first', () => {
    expect(gateway.failures.map((f) => [f.class, f.count])).toEqual([['refused', 300], ['timeout', 70], ['host-unreachable', 20]]);
    expect(gateway.failures.map((f) => f.sharePct)).toEqual([(300 / 390) * 100, (70 / 390) * 100, (20 / 390) * 100]);
    for (const share of gateway.failures) {
      expect(share).toMatchObject({ title: CLASS_INFO[share.class].title, explanation: CLASS_INFO[share.class].explanation, hint: CLASS_INFO[share.class].hint });
    }
    expect(resolver.failures).toMatchObject([{ class: 'dns', count: 120, sharePct: 100 }]);
  });

  it('lists exactly the three outages, longest first, with exact durations, classes and first/last errors', () => {
    const at = (second: number): string => new Date(fixture.t0 + second * 1000).toISOString();
    const [refused, timeout, mixed] = OUTAGES.slice().sort((a, b) => b.seconds - a.seconds) as [typeof OUTAGES[0], typeof OUTAGES[0], typeof OUTAGES[0]];
    expect(gateway.incidents.map((i) => [i.start, i.end, i.durationMs, i.inRangeMs, i.failureClass])).toEqual([
      [at(refused.from), at(refused.from + 300), 300_000, 300_000, 'refused'],
      [at(timeout.from), at(timeout.from + 60), 60_000, 60_000, 'timeout'],
      [at(mixed.from), at(mixed.from + 30), 30_000, 30_000, 'timeout'],
    ]);
    expect(gateway.incidents[0]!.firstError).toMatch(/^ECONNREFUSED \(203\.0\.113\.1\): /);
    expect(gateway.incidents[2]!.firstError).toMatch(/^TIMEOUT \(203\.0\.113\.1\): /);
    expect(gateway.incidents[2]!.lastError).toMatch(/^EHOSTUNREACH \(203\.0\.113\.1\): /);
    expect(gateway.incidentMs).toBe(390_000);
  });

  it('keeps an incident begun before the range whole, and counts only its part inside in the totals', () => {
    expect(resolver.incidents).toEqual([{
      start: new Date(fixture.t0 - HOUR).toISOString(),
      end: new Date(fixture.t0 + 2 * HOUR).toISOString(),
      durationMs: 3 * HOUR,
      inRangeMs: 2 * HOUR,
      failureClass: 'dns',
      firstError: expect.stringMatching(/^ETIMEOUT: /) as unknown as string,
      lastError: expect.stringMatching(/^ETIMEOUT: /) as unknown as string,
    }]);
    expect(resolver.incidentMs).toBe(2 * HOUR);
  });

  it('gives latency min/mean/max and jitter exactly, percentiles within the sketch error', () => {
    const sorted = sortedGatewayLatencies(fixture.gatewaySamples);
    const latency = gateway.latencyMs!;
    expect(latency.min).toBe(sorted[0]! / 1000);
    expect(latency.max).toBe(sorted.at(-1)! / 1000);
    expect(latency.mean).toBeCloseTo(sorted.reduce((a, b) => a + b, 0) / sorted.length / 1000, 9);
    for (const [q, value] of [[0.5, latency.median], [0.95, latency.p95], [0.99, latency.p99]] as const) {
      const exact = exactQuantile(sorted, q) / 1000;
      expect(Math.abs(value - exact) / exact).toBeLessThanOrEqual(SKETCH_RELATIVE_ERROR + 1e-12);
    }
    const ok = fixture.gatewaySamples.filter((s) => s.ok).map((s) => toMicros(s.latencyMs)!);
    const deltas = ok.slice(1).map((v, i) => Math.abs(v - ok[i]!));
    expect(gateway.jitterMs).toBeCloseTo(deltas.reduce((a, b) => a + b, 0) / deltas.length / 1000, 9);
  });

  it('gives chart series that add up to the same counts', () => {
    const points = gateway.series.points;
    expect(points.length).toBeGreaterThan(100);
    expect(points.length).toBeLessThanOrEqual(240);
    expect(points.reduce((sum, p) => sum + p.probes, 0)).toBe(86_400);
    expect(points.reduce((sum, p) => sum + p.inconclusive, 0)).toBe(100);
    expect(points.reduce((sum, p) => sum + (p.failures.refused ?? 0), 0)).toBe(300);
    expect(points.reduce((sum, p) => sum + (p.failures['host-unreachable'] ?? 0), 0)).toBe(20);
  });

  it('sums the overall figures, ranks the worst endpoints and writes a summary from them', () => {
    expect(report.overall).toMatchObject({
      endpoints: 3,
      probes: 86_400 + 8640 + 1440,
      incidents: 4,
      incidentMs: 390_000 + 2 * HOUR,
      worst: [
        { id: resolver.id, name: 'resolver', availabilityPct: resolver.availabilityPct, incidents: 1, incidentMs: 2 * HOUR },
        { id: gateway.id, name: 'isp-gateway', availabilityPct: gateway.availabilityPct, incidents: 3, incidentMs: 390_000 },
      ],
    });
    expect(report.overall.availabilityPct).toBe(((85_910 + 8640 + 1320) / (86_300 + 8640 + 1440)) * 100);
    const text = report.overall.summary;
    expect(text).toContain('Synack probed 3 endpoints from probe-01: 96,480 probes in all.');
    expect(text).toContain('Overall availability was 99.47 %.');
    expect(text).toContain(`There were 4 incidents, 2 h 6 min of downtime in all; the longest, 3 h, hit resolver at 2025-01-14 00:00:00 UTC+01:00 (DNS failure).`);
    expect(text).toContain('The worst endpoint was resolver at 91.666 %, followed by isp-gateway (99.548 %).');
    expect(text).toContain('(58.8 %) were “Refused”');
    expect(text).toContain('100 probes (0.1 %) were inconclusive');
    expect(text).toContain(`${gateway.synRetransmits} connections needed a retransmitted SYN`);
  });

  it('selects endpoints by id or tag (either matches) and rejects an unknown id', () => {
    const { gateway: g, web: w } = fixture.endpoints;
    const names = (selection: { endpointIds?: number[]; tags?: string[] }): string[] =>
      buildReport(fixture.service, { from: fixture.t0, to: fixture.t0 + HOUR, ...selection }, { now: () => fixture.now }).endpoints.map((e) => e.name);
    expect(names({ tags: ['isp'] })).toEqual(['isp-gateway', 'resolver']);
    expect(names({ endpointIds: [w.id], tags: ['isp'] })).toEqual(['isp-gateway', 'web', 'resolver']);
    expect(names({ endpointIds: [g.id] })).toEqual(['isp-gateway']);
    expect(() => names({ endpointIds: [999] })).toThrow(NotFoundError);
    expect(() => buildReport(fixture.service, { from: 10, to: 10 })).toThrow(RangeError);
  });

  it('says so plainly when the range holds no probe', () => {
    const empty = buildReport(fixture.service, { from: fixture.t0 + 3 * DAY, to: fixture.t0 + 4 * DAY }, { now: () => fixture.now, timeZone: 'UTC' });
    expect(empty.overall).toMatchObject({ probes: 0, availabilityPct: null, incidents: 0, worst: [] });
    expect(empty.overall.summary).toContain('No probe was recorded in this range');
    expect(empty.endpoints.every((e) => e.latencyMs === null && e.availabilityPct === null)).toBe(true);
  });
});
