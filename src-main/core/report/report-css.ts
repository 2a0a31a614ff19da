/** The HTML report's stylesheet: inline, readable on screen, and printable (A4, one endpoint per page). */
export const REPORT_CSS = `
:root { --fg: #1d232b; --muted: #5b6673; --line: #dde2e8; --bg: #ffffff; --panel: #f5f7fa;
  --good: #1b7f3b; --warn: #a86400; --bad: #c0262d; --accent: #1f5fbf; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 28px 24px 40px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 0 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h2 small { font-size: 13px; font-weight: normal; color: var(--muted); margin-left: 6px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 10px 0 0; color: var(--muted); }
.meta dt { font-weight: 600; color: var(--fg); }
.meta dd { margin: 0; }
section { margin-top: 26px; }
.narrative { font-size: 15px; background: var(--panel); border-left: 4px solid var(--accent); padding: 10px 14px; margin: 0 0 12px; }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(130px, 1fr)); gap: 8px; margin: 10px 0; }
.kpi { background: var(--panel); border-radius: 6px; padding: 8px 10px; }
.kpi b { display: block; font-size: 19px; font-variant-numeric: tabular-nums; }
.kpi span { color: var(--muted); font-size: 12px; }
table { width: 100%; border-collapse: collapse; margin: 6px 0 10px; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; color: var(--muted); font-weight: 600; background: var(--panel); }
td.num, th.num { text-align: right; white-space: nowrap; }
td.small { font-size: 12px; color: var(--muted); }
td.nowrap { white-space: nowrap; }
.good { color: var(--good); } .warn { color: var(--warn); } .bad { color: var(--bad); font-weight: 600; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: baseline; }
figure { margin: 8px 0 12px; }
figcaption { font-size: 12px; color: var(--muted); margin-top: 2px; }
.legend span { margin-right: 12px; white-space: nowrap; }
svg.chart { width: 100%; height: auto; display: block; background: #fff; border: 1px solid var(--line); border-radius: 4px; }
svg .grid { stroke: #eef1f4; stroke-width: 1; }
svg .axis { stroke: #9aa4ae; stroke-width: 1; }
svg .tick { font-size: 10px; fill: #5b6673; font-family: system-ui, sans-serif; }
svg .empty { font-size: 13px; fill: #8a949e; font-family: system-ui, sans-serif; }
svg .band { fill: #1f5fbf; fill-opacity: 0.18; stroke: none; }
svg .median { fill: none; stroke: #1f5fbf; stroke-width: 1.4; stroke-linejoin: round; }
svg .down { fill: #c0262d; fill-opacity: 0.22; }
.note { color: var(--muted); font-size: 12px; }
footer { margin-top: 30px; padding-top: 8px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
@page { size: A4; margin: 12mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  section.endpoint { break-before: page; }
  table, figure, .kpis, .narrative { break-inside: avoid; }
  tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
`;
