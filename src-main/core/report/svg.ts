/** Tiny helpers for writing SVG and HTML as strings: escaping, and coordinates kept short. */

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A coordinate with at most one decimal: small files, no visible difference. */
export function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** A "nice" axis: 0 up to a round maximum at or above `max`, and its ticks (1, 2 or 5 × 10^k apart). */
export function niceAxis(max: number, targetTicks = 4): { max: number; ticks: number[] } {
  if (!(max > 0)) return { max: 1, ticks: [0, 1] };
  const rough = max / targetTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; i <= Math.round(top / step); i++) ticks.push(Number((i * step).toPrecision(12)));
  return { max: top, ticks };
}

/** A tick label: no needless decimals. */
export function tickLabel(value: number): string {
  return String(Number(value.toPrecision(6)));
}
