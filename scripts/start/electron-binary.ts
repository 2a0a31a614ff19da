/**
 * Finds the Electron binary the way the `electron` package does (its `path.txt`, or
 * `ELECTRON_OVERRIDE_DIST_PATH`) without requiring the package: `require('electron')` from
 * Node starts a download when the binary is missing, and `npm start` must never do that.
 */
import { join } from 'node:path';

export type BinaryLookup = { readonly found: true; readonly path: string } | { readonly found: false; readonly reason: string };

export interface BinaryLookupInput {
  /** Directory of the installed `electron` package; undefined when it is not installed. */
  readonly packageDir: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly exists: (path: string) => boolean;
  /** Reads a text file; undefined when it does not exist. */
  readonly readText: (path: string) => string | undefined;
}

export function locateElectronBinary(input: BinaryLookupInput): BinaryLookup {
  const { packageDir, env } = input;
  if (packageDir === undefined) return { found: false, reason: 'the electron package is not installed' };
  const executable = input.readText(join(packageDir, 'path.txt'))?.trim() || undefined;
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  let path: string;
  if (override) path = join(override, executable ?? 'electron');
  else if (executable === undefined) return { found: false, reason: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)' };
  else path = join(packageDir, 'dist', executable);
  return input.exists(path) ? { found: true, path } : { found: false, reason: `the Electron binary is missing (${path})` };
}
