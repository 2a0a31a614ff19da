/**
 * The window's security settings (Electron's security checklist): an isolated, sandboxed
 * renderer without Node, no navigation, no new windows, no webviews; links to https pages
 * open in the user's browser, nothing else leaves the app.
 */
import type { Rect, SecureWindowOptions, WebContentsPort } from './electron-port.ts';

export const MIN_WINDOW_SIZE = { width: 720, height: 480 } as const;

export interface WindowOptionsInput {
  /** Path of the bundled preload (`out/preload/preload.cjs`). */
  readonly preload: string;
  /** Where to open; x/y absent means centred by the OS. */
  readonly bounds: { readonly x?: number | undefined; readonly y?: number | undefined } & Pick<Rect, 'width' | 'height'>;
  readonly icon?: string;
  /** DevTools only in development builds. */
  readonly devTools: boolean;
}

/** The options of the main window: every security flag set explicitly, never left to defaults. */
export function secureWindowOptions(input: WindowOptionsInput): SecureWindowOptions {
  const { bounds } = input;
  return {
    ...(bounds.x === undefined || bounds.y === undefined ? {} : { x: bounds.x, y: bounds.y }),
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'Synack',
    ...(input.icon === undefined ? {} : { icon: input.icon }),
    backgroundColor: '#101418',
    autoHideMenuBar: true,
    webPreferences: {
      preload: input.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: input.devTools,
    },
  };
}

/** Only https URLs (no credentials in them) may be handed to the OS to open. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/**
 * Denies every navigation and new window of the page. A link to an https page is opened in
 * the user's browser instead; anything else (file:, javascript:, http:, custom schemes) is
 * dropped.
 */
export function lockNavigation(webContents: WebContentsPort, openExternal: (url: string) => Promise<void>): void {
  const openOutside = (url: string): void => {
    if (isSafeExternalUrl(url)) openExternal(url).catch(() => undefined);
  };
  webContents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openOutside(url);
  });
  webContents.on('will-attach-webview', (event) => event.preventDefault());
  webContents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}
