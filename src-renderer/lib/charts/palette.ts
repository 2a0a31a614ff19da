/** Chart colours from the theme's CSS custom properties, so charts follow light and dark mode. */

export interface ChartPalette {
  readonly text: string;
  readonly grid: string;
  readonly median: string;
  /** The p5–p95 band. */
  readonly innerBand: string;
  /** The min–max band. */
  readonly outerBand: string;
}

const FALLBACK: ChartPalette = { text: '#444', grid: 'rgba(0,0,0,0.1)', median: '#1565c0', innerBand: 'rgba(21,101,192,0.35)', outerBand: 'rgba(21,101,192,0.12)' };

/** Reads `--chart-*` from the root element (the theme class lives there). */
export function readPalette(root: Element = document.documentElement): ChartPalette {
  const style = getComputedStyle(root);
  const read = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  return {
    text: read('--chart-text', FALLBACK.text),
    grid: read('--chart-grid', FALLBACK.grid),
    median: read('--chart-median', FALLBACK.median),
    innerBand: read('--chart-inner-band', FALLBACK.innerBand),
    outerBand: read('--chart-outer-band', FALLBACK.outerBand),
  };
}
