/**
 * The narrow slice of Electron the desktop shell uses. Everything in `src-main/shell` talks
 * to Electron through this interface only; `electron-adapter.ts` implements it with the real
 * runtime, tests with fakes. Types only: importing this file never loads Electron.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What an event handler may cancel. */
export interface Cancellable {
  preventDefault(): void;
}

/** A frame of a page (Electron's `WebFrameMain`), as far as sender checks need it. */
export interface FramePort {
  readonly url: string;
  readonly parent: FramePort | null;
}

/** The `event` of an `ipcMain.handle` call. */
export interface IpcInvokeEvent {
  /** The WebContents that sent the call. */
  readonly sender: unknown;
  /** The frame that sent it; null once that frame navigated away or was destroyed. */
  readonly senderFrame: FramePort | null;
}

export interface IpcMainPort {
  handle(channel: string, handler: (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export type WindowOpenDecision = { readonly action: 'deny' };

export interface WebContentsPort {
  on(event: 'will-navigate', listener: (event: Cancellable, url: string) => void): void;
  on(event: 'will-attach-webview', listener: (event: Cancellable) => void): void;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => WindowOpenDecision): void;
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
}

export interface WindowPort {
  readonly webContents: WebContentsPort;
  on(event: 'close', listener: (event: Cancellable) => void): void;
  on(event: 'closed' | 'resize' | 'move' | 'maximize' | 'unmaximize' | 'ready-to-show', listener: () => void): void;
  loadURL(url: string): Promise<void>;
  show(): void;
  hide(): void;
  focus(): void;
  restore(): void;
  maximize(): void;
  isMinimized(): boolean;
  isMaximized(): boolean;
  isVisible(): boolean;
  isDestroyed(): boolean;
  /** The bounds when neither maximized nor minimized. */
  getNormalBounds(): Rect;
}

/** One entry of a context menu; `click` absent for separators and submenus. */
export interface MenuItemSpec {
  readonly label?: string;
  readonly type?: 'normal' | 'separator' | 'submenu';
  readonly enabled?: boolean;
  readonly submenu?: readonly MenuItemSpec[];
  readonly click?: () => void;
}

export interface TrayPort {
  setImage(iconPath: string): void;
  setToolTip(text: string): void;
  setContextMenu(items: readonly MenuItemSpec[]): void;
  on(event: 'click', listener: () => void): void;
  destroy(): void;
}

export interface NotificationSpec {
  readonly title: string;
  readonly body: string;
}

export type PermissionRequestHandler = (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void;

export interface HeadersReceivedDetails {
  readonly url: string;
  readonly responseHeaders?: Record<string, string[]>;
}

export type HeadersReceivedListener = (
  details: HeadersReceivedDetails,
  callback: (response: { responseHeaders: Record<string, string[]> }) => void,
) => void;

/** The default session: permissions, response headers and the app's own protocol. */
export interface SessionPort {
  setPermissionRequestHandler(handler: PermissionRequestHandler): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  onHeadersReceived(listener: HeadersReceivedListener): void;
  handleProtocol(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

export type AppEvent = 'second-instance' | 'before-quit' | 'window-all-closed' | 'activate';

export interface AppPort {
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<void>;
  on(event: AppEvent, listener: () => void): void;
  on(event: 'will-quit', listener: (event: Cancellable) => void): void;
  quit(): void;
  /** Where per-user app data lives (Electron's `userData`). */
  userDataPath(): string;
  readonly isPackaged: boolean;
}

/** Everything the shell needs from Electron. */
export interface ElectronPort {
  readonly app: AppPort;
  readonly session: SessionPort;
  readonly ipcMain: IpcMainPort;
  createWindow(options: SecureWindowOptions): WindowPort;
  createTray(iconPath: string): TrayPort;
  notificationsSupported(): boolean;
  showNotification(spec: NotificationSpec, onClick: () => void): void;
  openExternal(url: string): Promise<void>;
  onPowerEvent(event: 'resume' | 'unlock-screen', listener: () => void): void;
  isOnline(): boolean;
  /** Work areas of the connected displays, primary first. */
  workAreas(): readonly Rect[];
  /**
   * Prints a self-contained HTML document to PDF in a hidden, sandboxed, script-less window
   * (the report's own CSP blocks every request), then closes that window.
   */
  printHtmlToPdf(html: string): Promise<Uint8Array>;
}

/** The window options the shell sets: a subset of `BrowserWindowConstructorOptions`. */
export interface SecureWindowOptions {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
  readonly minWidth: number;
  readonly minHeight: number;
  readonly show: boolean;
  readonly title: string;
  readonly icon?: string;
  readonly backgroundColor: string;
  readonly autoHideMenuBar: boolean;
  readonly webPreferences: {
    readonly preload: string;
    readonly contextIsolation: true;
    readonly sandbox: true;
    readonly nodeIntegration: false;
    readonly nodeIntegrationInWorker: false;
    readonly nodeIntegrationInSubFrames: false;
    readonly webSecurity: true;
    readonly allowRunningInsecureContent: false;
    readonly webviewTag: false;
    readonly experimentalFeatures: false;
    readonly navigateOnDragDrop: false;
    readonly safeDialogs: true;
    readonly spellcheck: false;
    readonly devTools: boolean;
  };
}
