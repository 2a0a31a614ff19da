/** Where the database lives when the shell does not say (CLI, daemon). Electron passes its own `userData` path. */
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

export const DB_FILE_NAME = 'synack.db';

export interface PathEnvironment {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly platform?: NodeJS.Platform;
  readonly home?: string;
}

/**
 * `$SYNACK_DB` when set; otherwise the OS data dir: `$XDG_DATA_HOME/synack/synack.db` (or
 * `~/.local/share/synack/synack.db`) on Linux and other Unixes, `~/Library/Application
 * Support/Synack/synack.db` on macOS, `%APPDATA%\Synack\synack.db` on Windows.
 */
export function defaultDbPath(environment: PathEnvironment = {}): string {
  const env = environment.env ?? process.env;
  const platform = environment.platform ?? process.platform;
  const home = environment.home ?? homedir();
  const override = env['SYNACK_DB'];
  if (override) return override;
  if (platform === 'win32') {
    const appData = env['APPDATA'] || win32.join(home, 'AppData', 'Roaming');
    return win32.join(appData, 'Synack', DB_FILE_NAME);
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', 'Synack', DB_FILE_NAME);
  const xdg = env['XDG_DATA_HOME'];
  // The XDG spec says a relative value is invalid and must be ignored.
  const dataHome = xdg && posix.isAbsolute(xdg) ? xdg : posix.join(home, '.local', 'share');
  return posix.join(dataHome, 'synack', DB_FILE_NAME);
}
