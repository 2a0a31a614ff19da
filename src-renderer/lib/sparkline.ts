/**
 * Geometry of an overview sparkline, drawn as SVG polylines (no chart library per row: the
 * overview must stay light with hundreds of rows). The newest value sits at the right edge.
 */

export interface SparklineShape {
  /** `points` attributes of the polylines; a failure breaks the line. */
  readonly lines: readonly string[];
  /** x positions of failed samples (drawn as marks). */
  readonly failures: readonly number[];
  /** The latency that maps to the top edge. */
  readonly max: number;
}

/**
 * Lays `values` (oldest first; null = failed sample) into a `width`×`height` box with `slots`
 * positions, so a young endpoint's short history stays right-aligned at the same scale.
 */
export function sparklineShape(values: readonly (number | null)[], width: number, height: number, slots: number): SparklineShape {
  const shown = values.slice(-slots);
  const max = Math.max(1, ...shown.filter((value): value is number => value !== null));
  const step = slots > 1 ? width / (slots - 1) : 0;
  const offset = slots - shown.length;
  const lines: string[] = [];
  const failures: number[] = [];
  let current: string[] = [];
  const close = (): void => {
    if (current.length === 1) {
      // A lone point between failures: draw it as a short dash so it stays visible.
      const [x, y] = (current[0] ?? '0,0').split(',').map(Number);
      current = [`${round((x ?? 0) - 1)},${y}`, `${round((x ?? 0) + 1)},${y}`];
    }
    if (current.length > 0) lines.push(current.join(' '));
    current = [];
  };
  shown.forEach((value, index) => {
    const x = round((offset + index) * step);
    if (value === null) {
      close();
      failures.push(x);
      return;
    }
    const y = round(height - 1 - (value / max) * (height - 2));
    current.push(`${x},${y}`);
  });
  close();
  return { lines, failures, max };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
