/**
 * Anti-aliased vector shapes on an RGBA canvas, from signed distance functions: a pixel's
 * coverage is how far inside the shape its centre lies, so edges are smooth at every size
 * without supersampling. Coordinates are in units of the canvas size (0…1).
 */

export type Color = readonly [r: number, g: number, b: number, a?: number];

/** Signed distance (in canvas units) from a point to a shape: negative inside. */
export type Shape = (x: number, y: number) => number;

export class Canvas {
  readonly size: number;
  /** Straight-alpha RGBA, 0…255. */
  readonly pixels: Uint8Array;

  constructor(size: number) {
    this.size = size;
    this.pixels = new Uint8Array(size * size * 4);
  }

  /** Paints `shape` with a flat colour, or a vertical gradient from `color` to `bottom`. */
  fill(shape: Shape, color: Color, bottom: Color = color): void {
    const { size, pixels } = this;
    for (let py = 0; py < size; py++) {
      const y = (py + 0.5) / size;
      const [r, g, b, a = 1] = mix(color, bottom, y);
      for (let px = 0; px < size; px++) {
        const coverage = clamp01(0.5 - shape((px + 0.5) / size, y) * size) * a;
        if (coverage <= 0) continue;
        const i = (py * size + px) * 4;
        const baseAlpha = (pixels[i + 3] ?? 0) / 255;
        const outAlpha = coverage + baseAlpha * (1 - coverage);
        const blend = (src: number, dst: number): number => (src * coverage + dst * baseAlpha * (1 - coverage)) / outAlpha;
        pixels[i] = Math.round(blend(r, pixels[i] ?? 0));
        pixels[i + 1] = Math.round(blend(g, pixels[i + 1] ?? 0));
        pixels[i + 2] = Math.round(blend(b, pixels[i + 2] ?? 0));
        pixels[i + 3] = Math.round(outAlpha * 255);
      }
    }
  }
}

export function circle(cx: number, cy: number, radius: number): Shape {
  return (x, y) => Math.hypot(x - cx, y - cy) - radius;
}

export function roundedSquare(inset: number, radius: number): Shape {
  const half = 0.5 - inset;
  return (x, y) => {
    const qx = Math.abs(x - 0.5) - half + radius;
    const qy = Math.abs(y - 0.5) - half + radius;
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
  };
}

/** A stroked polyline with round caps and joins. */
export function polyline(points: readonly (readonly [number, number])[], width: number): Shape {
  return (x, y) => {
    let best = Infinity;
    for (let i = 1; i < points.length; i++) {
      const [ax, ay] = points[i - 1] ?? [0, 0];
      const [bx, by] = points[i] ?? [0, 0];
      const dx = bx - ax;
      const dy = by - ay;
      const t = clamp01(((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1));
      best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
    }
    return best - width / 2;
  };
}

export function union(...shapes: Shape[]): Shape {
  return (x, y) => Math.min(...shapes.map((shape) => shape(x, y)));
}

export function hex(color: string, alpha = 1): Color {
  const value = Number.parseInt(color.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255, alpha];
}

function mix(top: Color, bottom: Color, t: number): [number, number, number, number] {
  const at = (i: 0 | 1 | 2 | 3): number => (top[i] ?? 1) + ((bottom[i] ?? 1) - (top[i] ?? 1)) * t;
  return [at(0), at(1), at(2), at(3)];
}

function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}
