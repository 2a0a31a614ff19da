/**
 * `npm start`'s one decision: launch the desktop app, or — where Electron cannot start — say
 * so in one line and run web mode instead. Pure: the binary lookup, platform and
 * environment come in as data.
 */
import type { BinaryLookup } from './electron-binary.ts';

export type LaunchDecision =
  | { readonly mode: 'desktop'; readonly binary: string }
  | { readonly mode: 'web'; readonly reason: string };

export interface LaunchInput {
  readonly binary: BinaryLookup;
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `--web`: the user asked for web mode. */
  readonly forceWeb: boolean;
}

export function decideLaunch(input: LaunchInput): LaunchDecision {
  if (input.forceWeb) return { mode: 'web', reason: 'web mode requested with --web' };
  if (!input.binary.found) return { mode: 'web', reason: input.binary.reason };
  // Windows and macOS always have a window server; elsewhere (Linux, BSD) X11 or Wayland must be there.
  const needsDisplay = input.platform !== 'win32' && input.platform !== 'darwin';
  if (needsDisplay && !input.env['DISPLAY'] && !input.env['WAYLAND_DISPLAY']) {
    return { mode: 'web', reason: 'no display: neither DISPLAY nor WAYLAND_DISPLAY is set' };
  }
  return { mode: 'desktop', binary: input.binary.path };
}

/** The one line printed before falling back to web mode. */
export function fallbackLine(reason: string): string {
  return `synack: cannot start the desktop app: ${reason.replaceAll('\n', ' ')}; starting web mode instead`;
}
