/**
 * The report's one-paragraph summary in plain language, generated from its figures only:
 * what a reader needs before the tables (how available, how long down, why, how fast).
 */
import { CLASS_INFO, FAILURE_CLASSES, type FailureClass } from '../classify/failure-classes.ts';
import { formatCount, formatMs, formatPct, formatTime, humanDuration } from './report-format.ts';
import type { EndpointReport, Report } from './report-schema.ts';

export function reportSummary(report: Report): string {
  const { header, overall, endpoints } = report;
  const tz = header.timeZone;
  const span = Date.parse(header.to) - Date.parse(header.from);
  const sentences: string[] = [
    `From ${formatTime(header.from, tz)} to ${formatTime(header.to, tz)} (${humanDuration(span)}), Synack probed `
      + `${plural(overall.endpoints, 'endpoint')} from ${header.machine}: ${plural(overall.probes, 'probe')} in all.`,
  ];
  if (overall.probes === 0) {
    sentences.push('No probe was recorded in this range, so it says nothing about availability.');
    return sentences.join(' ');
  }
  sentences.push(`Overall availability was ${formatPct(overall.availabilityPct)}.`);
  sentences.push(...incidentSentences(report));
  const classes = classSentence(endpoints);
  if (classes) sentences.push(classes);
  const inconclusive = endpoints.reduce((sum, e) => sum + e.inconclusive, 0);
  if (inconclusive > 0) {
    sentences.push(
      `${plural(inconclusive, 'probe')} (${formatPct((inconclusive / overall.probes) * 100, 2)}) ${inconclusive === 1 ? 'was' : 'were'} inconclusive `
        + '(this machine was offline or asleep) and ' + (inconclusive === 1 ? 'is' : 'are') + ' not counted as downtime.',
    );
  }
  const latency = latencySentence(endpoints);
  if (latency) sentences.push(latency);
  const syn = endpoints.reduce((sum, e) => sum + e.synRetransmits, 0);
  if (syn > 0) {
    sentences.push(`${plural(syn, 'connection')} needed a retransmitted SYN, a sign of packet loss on the path.`);
  }
  return sentences.join(' ');
}

function incidentSentences(report: Report): string[] {
  const { overall, endpoints, header } = report;
  const sentences: string[] = [];
  if (overall.incidents === 0) {
    sentences.push(overall.worst.length === 0 ? 'No endpoint went down and no probe failed.' : 'No endpoint went down.');
  } else {
    const longest = endpoints
      .flatMap((e) => e.incidents.map((incident) => ({ endpoint: e.name, incident })))
      .sort((a, b) => b.incident.durationMs - a.incident.durationMs)[0]!;
    const why = longest.incident.failureClass ? ` (${CLASS_INFO[longest.incident.failureClass].title})` : '';
    sentences.push(
      `There ${overall.incidents === 1 ? 'was 1 incident' : `were ${formatCount(overall.incidents)} incidents`}, `
        + `${humanDuration(overall.incidentMs)} of downtime in all; the longest, ${humanDuration(longest.incident.durationMs)}, `
        + `hit ${longest.endpoint} at ${formatTime(longest.incident.start, header.timeZone)}${why}.`,
    );
  }
  const [worst, ...others] = overall.worst;
  if (worst && endpoints.length > 1) {
    const rest = others.map((o) => `${o.name} (${formatPct(o.availabilityPct)})`);
    sentences.push(
      `The worst endpoint was ${worst.name} at ${formatPct(worst.availabilityPct)}`
        + (rest.length > 0 ? `, followed by ${rest.join(' and ')}.` : '.'),
    );
  }
  return sentences;
}

function classSentence(endpoints: readonly EndpointReport[]): string | undefined {
  const totals = new Map<FailureClass, number>();
  for (const endpoint of endpoints) {
    for (const share of endpoint.failures) totals.set(share.class, (totals.get(share.class) ?? 0) + share.count);
  }
  const all = [...totals.values()].reduce((a, b) => a + b, 0);
  if (all === 0) return undefined;
  const [top] = FAILURE_CLASSES.filter((c) => totals.has(c)).sort((a, b) => totals.get(b)! - totals.get(a)!);
  const info = CLASS_INFO[top!];
  const share = (totals.get(top!)! / all) * 100;
  const explanation = info.explanation.charAt(0).toLowerCase() + info.explanation.slice(1);
  const lead = share === 100 ? `All ${plural(all, 'failure')} were` : `Most of the ${plural(all, 'failure')} (${formatPct(share, 1)}) were`;
  return `${lead} “${info.title}”: ${explanation}`;
}

function latencySentence(endpoints: readonly EndpointReport[]): string | undefined {
  const measured = endpoints.filter((e): e is EndpointReport & { latencyMs: NonNullable<EndpointReport['latencyMs']> } => e.latencyMs !== null);
  if (measured.length === 0) return undefined;
  if (measured.length === 1) {
    const { latencyMs } = measured[0]!;
    return `Median latency was ${formatMs(latencyMs.median)} (95th percentile ${formatMs(latencyMs.p95)}, jitter ${formatMs(measured[0]!.jitterMs)}).`;
  }
  const byMedian = [...measured].sort((a, b) => a.latencyMs.median - b.latencyMs.median);
  const low = byMedian[0]!;
  const high = byMedian.at(-1)!;
  return `Median latency ranged from ${formatMs(low.latencyMs.median)} (${low.name}) to ${formatMs(high.latencyMs.median)} (${high.name}).`;
}

function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}
