/** Synack's icons as shapes: the app icon (a pulse trace between two dots) and one tray icon per level. */
import type { TrayLevel } from '../../src-main/shell/tray-model.ts';
import { Canvas, circle, hex, polyline, roundedSquare, union, type Shape } from './draw.ts';

/** The app icon: a dark rounded square, a green pulse from a SYN dot to an ACK dot. */
export function drawAppIcon(size: number): Canvas {
  const canvas = new Canvas(size);
  canvas.fill(roundedSquare(0.06, 0.2), hex('#16384f'), hex('#0b1d2a'));
  const trace = polyline(
    [
      [0.2, 0.56],
      [0.37, 0.56],
      [0.45, 0.31],
      [0.55, 0.75],
      [0.63, 0.49],
      [0.8, 0.49],
    ],
    0.065,
  );
  canvas.fill(union(trace, circle(0.2, 0.56, 0.06), circle(0.8, 0.49, 0.06)), hex('#5ef2b0'), hex('#2cc48a'));
  return canvas;
}

const TRAY_COLORS: Readonly<Record<TrayLevel, string>> = {
  up: '#2e9d52',
  degraded: '#d99a00',
  down: '#d43c3c',
  inconclusive: '#7d8590',
  paused: '#5b6b8c',
};

const STROKE = 0.14;

/** A white glyph per level: check, exclamation mark, cross, ellipsis, pause bars. */
const TRAY_GLYPHS: Readonly<Record<TrayLevel, Shape>> = {
  up: polyline([[0.29, 0.52], [0.44, 0.67], [0.71, 0.37]], STROKE),
  degraded: union(polyline([[0.5, 0.27], [0.5, 0.54]], STROKE), circle(0.5, 0.73, STROKE / 1.7)),
  down: union(polyline([[0.34, 0.34], [0.66, 0.66]], STROKE), polyline([[0.66, 0.34], [0.34, 0.66]], STROKE)),
  inconclusive: union(circle(0.29, 0.5, 0.075), circle(0.5, 0.5, 0.075), circle(0.71, 0.5, 0.075)),
  paused: union(polyline([[0.4, 0.33], [0.4, 0.67]], STROKE), polyline([[0.6, 0.33], [0.6, 0.67]], STROKE)),
};

/** A tray icon: a disc in the level's colour with its glyph. */
export function drawTrayIcon(level: TrayLevel, size: number): Canvas {
  const canvas = new Canvas(size);
  canvas.fill(circle(0.5, 0.5, 0.47), hex(TRAY_COLORS[level]));
  canvas.fill(TRAY_GLYPHS[level], hex('#ffffff'));
  return canvas;
}
