/**
 * The main window's size and position, remembered across runs in a small JSON file in the
 * user data directory. The file is untrusted (hand-edited, from an older version, or from a
 * machine with other screens): it is validated, and the window is brought back onto a
 * display that exists now.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Rect } from './electron-port.ts';
import { MIN_WINDOW_SIZE } from './window-security.ts';

export const WINDOW_STATE_FILE = 'window-state.json';

const coordinate = z.number().int().min(-100_000).max(100_000);
const size = z.number().int().min(1).max(100_000);

export const windowStateSchema = z
  .object({
    x: coordinate.optional(),
    y: coordinate.optional(),
    width: size,
    height: size,
    maximized: z.boolean().default(false),
  })
  .strict();

export type WindowState = z.output<typeof windowStateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1200, height: 800, maximized: false };

/** How much of the window must lie on a display to leave it where it was. */
const MIN_VISIBLE = 64;

/**
 * Fits a remembered state to the displays there are now: no larger than the work area it
 * lands on (nor smaller than the minimum), and moved to the centre of the primary display
 * when less than a 64 px square of it would be visible.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return state;
  const { x, y } = state;
  const home = x === undefined || y === undefined ? undefined : workAreas.find((area) => visibleEnough({ x, y, width: state.width, height: state.height }, area));
  const area = home ?? primary;
  const width = clamp(state.width, Math.min(MIN_WINDOW_SIZE.width, area.width), area.width);
  const height = clamp(state.height, Math.min(MIN_WINDOW_SIZE.height, area.height), area.height);
  if (home && x !== undefined && y !== undefined) {
    // Keep the title bar reachable: the top edge inside the area, the window within it where it fits.
    return {
      x: clamp(x, area.x - width + MIN_VISIBLE, area.x + area.width - MIN_VISIBLE),
      y: clamp(y, area.y, area.y + area.height - MIN_VISIBLE),
      width,
      height,
      maximized: state.maximized,
    };
  }
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
    maximized: state.maximized,
  };
}

/** Reads the state file; a missing, unreadable or invalid file gives the default state. */
export function loadWindowState(path: string): WindowState {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

/** Writes the state file atomically (a crash mid-write leaves the old file, never half a new one). */
export function saveWindowState(path: string, state: WindowState): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(windowStateSchema.parse(state))}\n`);
  renameSync(temp, path);
}

function visibleEnough(window: Rect, area: Rect): boolean {
  const width = Math.min(window.x + window.width, area.x + area.width) - Math.max(window.x, area.x);
  const height = Math.min(window.y + window.height, area.y + area.height) - Math.max(window.y, area.y);
  return width >= MIN_VISIBLE && height >= MIN_VISIBLE;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}
