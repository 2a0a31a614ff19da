import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Rect } from '../../src-main/shell/electron-port.ts';
import { DEFAULT_WINDOW_STATE, fitToDisplays, loadWindowState, saveWindowState } from '../../src-main/shell/window-state.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const LAPTOP: Rect = { x: 0, y: 0, width: 1440, height: 860 };
const MONITOR_RIGHT: Rect = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('fitToDisplays', () => {
  it('keeps a window that is on a display where it was', () => {
    const state = { x: 100, y: 80, width: 1000, height: 700, maximized: false };
    expect(fitToDisplays(state, [LAPTOP])).toEqual(state);
    const onMonitor = { x: 2000, y: 100, width: 1600, height: 1000, maximized: true };
    expect(fitToDisplays(onMonitor, [LAPTOP, MONITOR_RIGHT])).toEqual(onMonitor);
  });

  it('centres on the primary display a window whose display is gone (or that shows less than 64 px)', () => {
    const state = { x: 2000, y: 100, width: 1000, height: 700, maximized: false };
    expect(fitToDisplays(state, [LAPTOP])).toEqual({ x: 220, y: 80, width: 1000, height: 700, maximized: false });
    expect(fitToDisplays({ ...state, x: 1400 }, [LAPTOP])).toEqual({ x: 220, y: 80, width: 1000, height: 700, maximized: false });
  });

  it('shrinks a window larger than its display, never below the minimum size', () => {
    expect(fitToDisplays({ x: 0, y: 0, width: 3000, height: 2000, maximized: false }, [LAPTOP])).toMatchObject({ width: 1440, height: 860 });
    expect(fitToDisplays({ x: 10, y: 10, width: 200, height: 100, maximized: false }, [LAPTOP])).toMatchObject({ width: 720, height: 480 });
  });

  it('pulls a half-visible window back so its title bar can be reached', () => {
    expect(fitToDisplays({ x: 1350, y: -300, width: 800, height: 600, maximized: false }, [LAPTOP])).toEqual({ x: 1350, y: 0, width: 800, height: 600, maximized: false });
    // Shrunk to the display, it must still show at least 64 px of itself.
    expect(fitToDisplays({ x: -2500, y: 0, width: 3000, height: 600, maximized: false }, [LAPTOP])).toEqual({ x: -1376, y: 0, width: 1440, height: 600, maximized: false });
  });

  it('centres a window with no remembered position', () => {
    expect(fitToDisplays(DEFAULT_WINDOW_STATE, [LAPTOP])).toEqual({ x: 120, y: 30, width: 1200, height: 800, maximized: false });
  });

  it('leaves the state alone with no display information', () => {
    expect(fitToDisplays(DEFAULT_WINDOW_STATE, [])).toBe(DEFAULT_WINDOW_STATE);
  });
});

describe('window state file', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let path: string;
  beforeEach(() => {
    dir = makeTempDir('synack-window-state-');
    path = join(dir.path, 'sub', 'window-state.json');
  });
  afterEach(() => dir.remove());

  it('round-trips through an atomic write', () => {
    const state = { x: -1200, y: 40, width: 1024, height: 768, maximized: true };
    saveWindowState(path, state);
    expect(loadWindowState(path)).toEqual(state);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(state);
  });

  it('falls back to the default for a missing, corrupt or invalid file', () => {
    expect(loadWindowState(path)).toEqual(DEFAULT_WINDOW_STATE);
    saveWindowState(path, DEFAULT_WINDOW_STATE);
    for (const text of ['{"x": 1, "y"', '[]', '{"width": "big", "height": 600}', '{"width": 800, "height": 600, "extra": 1}', '{"width": -5, "height": 600}', '{"width": 1.5, "height": 600}']) {
      writeFileSync(path, text);
      expect(loadWindowState(path), text).toEqual(DEFAULT_WINDOW_STATE);
    }
    writeFileSync(path, '{"width": 900, "height": 600}');
    expect(loadWindowState(path)).toEqual({ width: 900, height: 600, maximized: false });
  });
});
