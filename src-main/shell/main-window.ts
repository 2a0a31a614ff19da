/**
 * The one app window: created with the secure options and locks, placed where it was last
 * (fitted to today's displays), hidden rather than closed while monitoring goes on in the
 * tray, and remembered when it moves or resizes.
 */
import { APP_ENTRY_URL } from './app-protocol.ts';
import type { ElectronPort, WindowPort } from './electron-port.ts';
import { lockNavigation, secureWindowOptions } from './window-security.ts';
import { fitToDisplays, loadWindowState, saveWindowState, type WindowState } from './window-state.ts';

export interface MainWindowOptions {
  readonly port: ElectronPort;
  readonly preload: string;
  readonly icon?: string;
  /** The window-state JSON file. */
  readonly statePath: string;
  readonly devTools: boolean;
  /** Read at each close: hide to the tray (true) or really close (false). */
  readonly closeToTray: () => boolean;
  /** The window was really closed (not hidden). */
  readonly onClosed: () => void;
  /** Delay before a move/resize is written. @default 500 */
  readonly saveDelayMs?: number;
}

export class MainWindow {
  readonly #options: MainWindowOptions;
  #window: WindowPort | undefined;
  #ready = false;
  #queue: [string, unknown][] = [];
  #quitting = false;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: MainWindowOptions) {
    this.#options = options;
  }

  /** Shows the window (creating it if needed), restored and focused. */
  show(): void {
    const window = this.#ensure();
    if (window.isMinimized()) window.restore();
    if (this.#ready) {
      window.show();
      window.focus();
    }
  }

  /** Sends a push to the page; held until the page has loaded. */
  send(channel: string, payload: unknown): void {
    const window = this.#window;
    if (!window || window.isDestroyed()) return;
    if (!this.#ready) {
      this.#queue.push([channel, payload]);
      return;
    }
    if (!window.webContents.isDestroyed()) window.webContents.send(channel, payload);
  }

  /** True for this window's WebContents (the IPC sender check). */
  isAppWebContents(sender: unknown): boolean {
    const window = this.#window;
    return window !== undefined && !window.isDestroyed() && sender === window.webContents;
  }

  /** From now on a close really closes (the app is quitting). */
  allowClose(): void {
    this.#quitting = true;
  }

  /** Writes the window's state now. */
  saveState(): void {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    const window = this.#window;
    if (!window || window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    try {
      saveWindowState(this.#options.statePath, { ...bounds, maximized: window.isMaximized() });
    } catch (error) {
      process.stderr.write(`synack: could not save the window state: ${(error as Error).message}\n`);
    }
  }

  #ensure(): WindowPort {
    if (this.#window && !this.#window.isDestroyed()) return this.#window;
    const { port } = this.#options;
    const state: WindowState = fitToDisplays(loadWindowState(this.#options.statePath), port.workAreas());
    const window = port.createWindow(
      secureWindowOptions({
        preload: this.#options.preload,
        bounds: state,
        devTools: this.#options.devTools,
        ...(this.#options.icon === undefined ? {} : { icon: this.#options.icon }),
      }),
    );
    this.#window = window;
    this.#ready = false;
    lockNavigation(window.webContents, (url) => port.openExternal(url));
    window.on('ready-to-show', () => this.#onReady(window, state));
    window.on('close', (event) => {
      this.saveState();
      if (!this.#quitting && this.#options.closeToTray()) {
        event.preventDefault();
        window.hide();
      }
    });
    window.on('closed', () => {
      clearTimeout(this.#saveTimer);
      this.#window = undefined;
      this.#queue = [];
      this.#options.onClosed();
    });
    for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, () => this.#saveSoon());
    window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
      process.stderr.write(`synack: could not load the window: ${(error as Error).message}\n`);
    });
    return window;
  }

  #onReady(window: WindowPort, state: WindowState): void {
    this.#ready = true;
    if (state.maximized) window.maximize();
    window.show();
    window.focus();
    const queued = this.#queue;
    this.#queue = [];
    for (const [channel, payload] of queued) this.send(channel, payload);
  }

  #saveSoon(): void {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => this.saveState(), this.#options.saveDelayMs ?? 500);
  }
}
