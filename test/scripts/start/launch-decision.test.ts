import { describe, expect, it } from 'vitest';
import { locateElectronBinary, type BinaryLookupInput } from '../../../scripts/start/electron-binary.ts';
import { decideLaunch, fallbackLine } from '../../../scripts/start/launch-decision.ts';
import { parseStartArgs } from '../../../scripts/start/start.ts';

const FOUND = { found: true, path: '/p/node_modules/electron/dist/electron' } as const;
const MISSING = { found: false, reason: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)' } as const;

describe('decideLaunch', () => {
  it('launches Electron where the binary exists and a display is there', () => {
    expect(decideLaunch({ binary: FOUND, platform: 'linux', env: { DISPLAY: ':0' }, forceWeb: false })).toEqual({ mode: 'desktop', binary: FOUND.path });
    expect(decideLaunch({ binary: FOUND, platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' }, forceWeb: false })).toEqual({ mode: 'desktop', binary: FOUND.path });
    expect(decideLaunch({ binary: FOUND, platform: 'darwin', env: {}, forceWeb: false })).toEqual({ mode: 'desktop', binary: FOUND.path });
    expect(decideLaunch({ binary: FOUND, platform: 'win32', env: {}, forceWeb: false })).toEqual({ mode: 'desktop', binary: FOUND.path });
  });

  it('falls back to web mode without a binary, whatever the display', () => {
    expect(decideLaunch({ binary: MISSING, platform: 'linux', env: { DISPLAY: ':0' }, forceWeb: false })).toEqual({ mode: 'web', reason: MISSING.reason });
    expect(decideLaunch({ binary: MISSING, platform: 'win32', env: {}, forceWeb: false })).toEqual({ mode: 'web', reason: MISSING.reason });
  });

  it('falls back to web mode on Linux/BSD with no display (empty counts as none)', () => {
    for (const platform of ['linux', 'freebsd', 'openbsd'] as const) {
      expect(decideLaunch({ binary: FOUND, platform, env: {}, forceWeb: false })).toEqual({ mode: 'web', reason: 'no display: neither DISPLAY nor WAYLAND_DISPLAY is set' });
      expect(decideLaunch({ binary: FOUND, platform, env: { DISPLAY: '', WAYLAND_DISPLAY: '' }, forceWeb: false }).mode).toBe('web');
    }
  });

  it('uses web mode when asked to', () => {
    expect(decideLaunch({ binary: FOUND, platform: 'linux', env: { DISPLAY: ':0' }, forceWeb: true })).toEqual({ mode: 'web', reason: 'web mode requested with --web' });
  });
});

describe('fallbackLine', () => {
  it('is one line that says why and what happens instead', () => {
    const line = fallbackLine('no display:\nneither DISPLAY nor WAYLAND_DISPLAY is set');
    expect(line).toBe('synack: cannot start the desktop app: no display: neither DISPLAY nor WAYLAND_DISPLAY is set; starting web mode instead');
    expect(line).not.toContain('\n');
  });
});

describe('locateElectronBinary (never requires the package, so never downloads)', () => {
  const input = (files: Record<string, string>, env: Record<string, string> = {}, packageDir: string | null = '/p/node_modules/electron'): BinaryLookupInput => ({
    packageDir: packageDir ?? undefined,
    env,
    exists: (path) => path in files,
    readText: (path) => files[path],
  });

  it('finds dist/<path.txt> like the electron package does', () => {
    const files = { '/p/node_modules/electron/path.txt': 'electron', '/p/node_modules/electron/dist/electron': '' };
    expect(locateElectronBinary(input(files))).toEqual({ found: true, path: '/p/node_modules/electron/dist/electron' });
  });

  it('says why when there is no binary', () => {
    expect(locateElectronBinary(input({}, {}, null))).toEqual({ found: false, reason: 'the electron package is not installed' });
    expect(locateElectronBinary(input({}))).toEqual(MISSING);
    expect(locateElectronBinary(input({ '/p/node_modules/electron/path.txt': 'electron' }))).toEqual({
      found: false,
      reason: 'the Electron binary is missing (/p/node_modules/electron/dist/electron)',
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    expect(locateElectronBinary(input({ '/opt/electron/electron': '' }, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }))).toEqual({ found: true, path: '/opt/electron/electron' });
    expect(locateElectronBinary(input({}, { ELECTRON_OVERRIDE_DIST_PATH: '/nowhere' }))).toEqual({ found: false, reason: 'the Electron binary is missing (/nowhere/electron)' });
  });
});

describe('parseStartArgs', () => {
  it('keeps its own flags and passes the rest on', () => {
    expect(parseStartArgs(['--no-build', '--db', '/tmp/x.db', '--web', '--port', '0'])).toEqual({ build: false, forceWeb: true, rest: ['--db', '/tmp/x.db', '--port', '0'] });
    expect(parseStartArgs([])).toEqual({ build: true, forceWeb: false, rest: [] });
  });
});
