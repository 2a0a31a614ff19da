/**
 * The report as one self-contained HTML file: inline CSS and SVG, no script, and a CSP that
 * forbids every fetch, so opening it never touches the network. Printing it gives the PDF.
 */
import { CLASS_INFO, type FailureClass } from '../classify/failure-classes.ts';
import { failureChart, latencyChart } from './charts.ts';
import { CLASS_COLORS, INCONCLUSIVE_COLOR } from '../classify/class-colors.ts';
import { REPORT_CSS } from './report-css.ts';
import { formatCount, formatMs, formatPct, formatTime, humanDuration } from './report-format.ts';
import type { EndpointReport, IncidentReport, Report } from './report-schema.ts';
import { esc } from './svg.ts';

/** Incidents listed per endpoint; the JSON export has them all. */
const MAX_INCIDENT_ROWS = 50;
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function renderHtml(report: Report): string {
  const { header } = report;
  const tz = header.timeZone;
  const title = `Synack report · ${header.machine} · ${formatTime(header.from, tz)} – ${formatTime(header.to, tz)}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Synack ${esc(header.synackVersion)}">
<title>${esc(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
${headerHtml(report)}
${overallHtml(report)}
${report.endpoints.map((endpoint) => endpointHtml(endpoint, report)).join('\n')}
${footerHtml(report)}
</main>
</body>
</html>
`;
}

function headerHtml({ header, endpoints }: Report): string {
  const tz = header.timeZone;
  const selection = [
    header.selection.endpoints.length > 0 ? `endpoints ${header.selection.endpoints.join(', ')}` : '',
    header.selection.tags.length > 0 ? `tags ${header.selection.tags.join(', ')}` : '',
  ].filter(Boolean).join(' or ') || 'all endpoints';
  const rows: [string, string][] = [
    ['Range', `${formatTime(header.from, tz)} – ${formatTime(header.to, tz)} (${humanDuration(Date.parse(header.to) - Date.parse(header.from))})`],
    ['Time zone', tz],
    ['Vantage point', header.machine],
    ['Endpoints', `${endpoints.length} (${selection})`],
    ['Generated', formatTime(header.generatedAt, tz)],
    ['Synack', header.synackVersion],
  ];
  return `<header>
<h1>Network availability report</h1>
<dl class="meta">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>
</header>`;
}

function overallHtml(report: Report): string {
  const { overall } = report;
  const worst = new Set(overall.worst.map((w) => w.id));
  const rows = report.endpoints.map((e) => `<tr>
<td><a href="#endpoint-${e.id}">${esc(e.name)}</a>${worst.has(e.id) ? ' <span class="bad">▲ worst</span>' : ''}</td>
<td class="num ${availabilityClass(e.availabilityPct)}">${formatPct(e.availabilityPct)}</td>
<td class="num">${formatCount(e.probes)}</td>
<td class="num">${formatCount(e.inconclusive)}</td>
<td class="num">${formatPct(e.lossPct, 2)}</td>
<td class="num">${formatMs(e.latencyMs?.median ?? null)}</td>
<td class="num">${formatMs(e.latencyMs?.p95 ?? null)}</td>
<td class="num">${formatCount(e.incidents.length)}</td>
<td class="num">${humanDuration(e.incidentMs)}</td>
</tr>`).join('');
  return `<section class="overall">
<h2>Summary</h2>
<p class="narrative">${esc(overall.summary)}</p>
<div class="kpis">
${kpi(formatPct(overall.availabilityPct), 'availability (all endpoints)', availabilityClass(overall.availabilityPct))}
${kpi(formatCount(overall.probes), 'probes')}
${kpi(formatCount(overall.incidents), 'incidents')}
${kpi(humanDuration(overall.incidentMs), 'total incident time')}
</div>
${overall.worst.length > 0 ? `<h3>Worst endpoints</h3><ol>${overall.worst.map((w) => `<li><a href="#endpoint-${w.id}">${esc(w.name)}</a>: ${formatPct(w.availabilityPct)} available, ${formatCount(w.incidents)} incident(s), ${humanDuration(w.incidentMs)} down</li>`).join('')}</ol>` : ''}
<h3>Endpoints</h3>
<table>
<thead><tr><th>Endpoint</th><th class="num">Availability</th><th class="num">Probes</th><th class="num">Inconclusive</th><th class="num">Loss</th><th class="num">Median</th><th class="num">p95</th><th class="num">Incidents</th><th class="num">Incident time</th></tr></thead>
<tbody>${rows}</tbody>
</table>
</section>`;
}

function endpointHtml(e: EndpointReport, report: Report): string {
  const frame = { from: Date.parse(report.header.from), to: Date.parse(report.header.to), timeZone: report.header.timeZone };
  const target = `${e.host.includes(':') ? `[${e.host}]` : e.host}:${e.port}`;
  const tags = e.tags.length > 0 ? ` · ${e.tags.map((t) => `#${t}`).join(' ')}` : '';
  const l = e.latencyMs;
  return `<section class="endpoint" id="endpoint-${e.id}">
<h2>${esc(e.name)}<small>${esc(`${target} · ${e.kind} · every ${humanDuration(e.intervalMs)}${tags}`)}</small></h2>
<div class="kpis">
${kpi(formatPct(e.availabilityPct), 'availability', availabilityClass(e.availabilityPct))}
${kpi(formatCount(e.probes), `probes (${formatCount(e.ok)} ok, ${formatCount(e.failed)} failed)`)}
${kpi(formatCount(e.inconclusive), `inconclusive (${formatPct(e.inconclusivePct, 2)}, ≈ ${humanDuration(e.inconclusiveMs)}), not counted as down`)}
${kpi(formatPct(e.lossPct, 2), 'loss (no answer)')}
${kpi(formatMs(e.jitterMs), 'jitter')}
${kpi(formatCount(e.synRetransmits), 'SYN retransmits')}
</div>
<h3>Latency</h3>
<table><thead><tr><th class="num">min</th><th class="num">median</th><th class="num">mean</th><th class="num">p95</th><th class="num">p99</th><th class="num">max</th></tr></thead>
<tbody><tr>${[l?.min, l?.median, l?.mean, l?.p95, l?.p99, l?.max].map((v) => `<td class="num">${formatMs(v ?? null)}</td>`).join('')}</tr></tbody></table>
<figure>${latencyChart(e, frame)}
<figcaption class="legend"><span><i class="swatch" style="background:#1f5fbf"></i>median</span><span><i class="swatch" style="background:rgba(31,95,191,.25)"></i>5th–95th percentile</span><span><i class="swatch" style="background:rgba(192,38,45,.2)"></i>incident</span> · buckets of ${humanDuration(e.series.bucketMs)}</figcaption></figure>
<h3>Failures by class</h3>
<figure>${failureChart(e, frame)}
<figcaption class="legend">${e.failures.map((f) => legendItem(CLASS_COLORS[f.class], f.title)).join('')}${e.inconclusive > 0 ? legendItem(INCONCLUSIVE_COLOR, 'Inconclusive') : ''} · failed probes per ${humanDuration(e.series.bucketMs)}</figcaption></figure>
${failuresTable(e)}
<h3>Incidents</h3>
${incidentsTable(e.incidents, report.header.timeZone)}
</section>`;
}

function failuresTable(e: EndpointReport): string {
  if (e.failures.length === 0) return '<p class="note">No conclusive failure in this range.</p>';
  const rows = e.failures.map((f) => `<tr>
<td>${swatch(CLASS_COLORS[f.class])}<b>${esc(f.title)}</b><br><span class="note">${esc(f.class)}</span></td>
<td class="num">${formatCount(f.count)}</td>
<td class="num">${formatPct(f.sharePct, 1)}</td>
<td>${esc(f.explanation)}<br><span class="note">Check: ${esc(f.hint)}</span></td>
</tr>`).join('');
  return `<table><thead><tr><th>Class</th><th class="num">Count</th><th class="num">Share</th><th>What it means</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function incidentsTable(incidents: readonly IncidentReport[], tz: string): string {
  if (incidents.length === 0) return '<p class="note">No incident: the endpoint never went down in this range.</p>';
  const rows = incidents.slice(0, MAX_INCIDENT_ROWS).map((i) => `<tr>
<td class="num">${esc(formatTime(i.start, tz))}</td>
<td class="num">${i.end === null ? 'ongoing' : esc(formatTime(i.end, tz))}</td>
<td class="num">${humanDuration(i.durationMs)}</td>
<td class="nowrap">${i.failureClass ? `${swatch(CLASS_COLORS[i.failureClass])}${esc(title(i.failureClass))}` : '—'}</td>
<td class="small">${errorCell(i.firstError)}</td>
<td class="small">${errorCell(i.lastError)}</td>
</tr>`).join('');
  const more = incidents.length > MAX_INCIDENT_ROWS
    ? `<p class="note">${formatCount(incidents.length - MAX_INCIDENT_ROWS)} shorter incidents not listed (the JSON export has all of them).</p>` : '';
  return `<table><thead><tr><th class="num">Start</th><th class="num">End</th><th class="num">Duration</th><th>Class</th><th>First error</th><th>Last error</th></tr></thead><tbody>${rows}</tbody></table>${more}`;
}

function footerHtml({ header }: Report): string {
  return `<footer>
<p>Availability = successful probes ÷ conclusive probes. Inconclusive probes (this machine was offline or asleep, or its gateway was down) are shown separately and never counted as down.
Loss = probes that got no answer at all (timed out or half-open). Median, p95 and p99 latency are read from rollups, within ±${(header.percentileRelativeError * 100).toFixed(2)} %; min, mean and max are exact.
Incidents are periods the endpoint was declared down; durations include any part outside the range, totals only the part inside. Times are in ${esc(header.timeZone)}.</p>
<p>Generated by Synack ${esc(header.synackVersion)} on ${esc(header.machine)} at ${esc(formatTime(header.generatedAt, header.timeZone))}.</p>
</footer>`;
}

/** The code and address (`ECONNREFUSED (192.0.2.1)`); the class table already explains the class, the tooltip has it all. */
function errorCell(error: string | null): string {
  if (error === null) return '—';
  const split = error.indexOf(': ');
  return split < 0 ? esc(error) : `<span title="${esc(error)}">${esc(error.slice(0, split))}</span>`;
}

function kpi(value: string, label: string, cls = ''): string {
  return `<div class="kpi"><b${cls ? ` class="${cls}"` : ''}>${esc(value)}</b><span>${esc(label)}</span></div>`;
}

function availabilityClass(pct: number | null): string {
  if (pct === null) return '';
  return pct >= 99.9 ? 'good' : pct >= 99 ? 'warn' : 'bad';
}

function swatch(color: string): string {
  return `<i class="swatch" style="background:${color}"></i>`;
}

function legendItem(color: string, text: string): string {
  return `<span>${swatch(color)}${esc(text)}</span>`;
}

function title(c: FailureClass): string {
  return CLASS_INFO[c].title;
}
