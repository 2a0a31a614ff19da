import { describe, expect, it } from 'vitest';
import { defaultDbPath } from '../../../src-main/core/store/paths.ts';

describe('defaultDbPath', () => {
  it('prefers $SYNACK_DB on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(defaultDbPath({ env: { SYNACK_DB: '/x/y.db', XDG_DATA_HOME: '/xdg' }, platform, home: '/home/u' })).toBe('/x/y.db');
    }
  });

  it('uses XDG_DATA_HOME on Linux, else ~/.local/share, ignoring a relative XDG value', () => {
    expect(defaultDbPath({ env: { XDG_DATA_HOME: '/data' }, platform: 'linux', home: '/home/u' })).toBe('/data/synack/synack.db');
    expect(defaultDbPath({ env: {}, platform: 'linux', home: '/home/u' })).toBe('/home/u/.local/share/synack/synack.db');
    expect(defaultDbPath({ env: { XDG_DATA_HOME: 'rel' }, platform: 'freebsd', home: '/home/u' })).toBe('/home/u/.local/share/synack/synack.db');
  });

  it('uses Application Support on macOS and %APPDATA% on Windows', () => {
    expect(defaultDbPath({ env: {}, platform: 'darwin', home: '/Users/u' })).toBe('/Users/u/Library/Application Support/Synack/synack.db');
    expect(defaultDbPath({ env: { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, platform: 'win32', home: 'C:\\Users\\u' }))
      .toBe('C:\\Users\\u\\AppData\\Roaming\\Synack\\synack.db');
    expect(defaultDbPath({ env: {}, platform: 'win32', home: 'C:\\Users\\u' })).toBe('C:\\Users\\u\\AppData\\Roaming\\Synack\\synack.db');
  });
});
