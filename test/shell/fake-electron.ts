/**
 * A stand-in for the Electron runtime behind `ElectronPort`: it records what the shell asks
 * for (windows and their options, handlers, tray contents, notifications) and lets a test
 * play the OS and the user (close a window, click a menu item, quit, resume from sleep).
 * Only the runtime is fake; everything the shell decides runs for real.
 */
import type {
  AppEvent,
  Cancellable,
  ElectronPort,
  FramePort,
  HeadersReceivedListener,
  IpcInvokeEvent,
  MenuItemSpec,
  NotificationSpec,
  PermissionRequestHandler,
  Rect,
  SecureWindowOptions,
  TrayPort,
  WebContentsPort,
  WindowOpenDecision,
  WindowPort,
} from '../../src-main/shell/electron-port.ts';

type Listener = (...args: never[]) => void;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }

  /** Emits a cancellable event; true when a listener called preventDefault. */
  emitCancellable(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    const cancellable: Cancellable = { preventDefault: () => (prevented = true) };
    this.emit(event, cancellable, ...args);
    return prevented;
  }
}

export class FakeWebContents extends Emitter implements WebContentsPort {
  openHandler: ((details: { readonly url: string }) => WindowOpenDecision) | undefined;
  readonly sent: [string, unknown][] = [];
  destroyed = false;

  setWindowOpenHandler(handler: (details: { readonly url: string }) => WindowOpenDecision): void {
    this.openHandler = handler;
  }

  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** A frame of this page, for IPC events. */
  frame(url = 'app://synack/index.html', parent: FramePort | null = null): FramePort {
    return { url, parent };
  }
}

export class FakeWindow extends Emitter implements WindowPort {
  readonly webContents = new FakeWebContents();
  readonly options: SecureWindowOptions;
  loadedUrl: string | undefined;
  visible = false;
  focused = false;
  minimized = false;
  maximized = false;
  destroyed = false;
  bounds: Rect;

  constructor(options: SecureWindowOptions) {
    super();
    this.options = options;
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width, height: options.height };
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {
    this.focused = true;
  }
  restore(): void {
    this.minimized = false;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds(): Rect {
    return this.bounds;
  }

  /** The user (or the OS) closes the window; true when it really closed. */
  close(): boolean {
    if (this.emitCancellable('close')) return false;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
    return true;
  }
}

export class FakeTray extends Emitter implements TrayPort {
  readonly images: string[] = [];
  tooltip = '';
  menu: readonly MenuItemSpec[] = [];
  menuUpdates = 0;
  destroyed = false;

  constructor(icon: string) {
    super();
    this.images.push(icon);
  }
  get image(): string | undefined {
    return this.images.at(-1);
  }
  setImage(iconPath: string): void {
    this.images.push(iconPath);
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(items: readonly MenuItemSpec[]): void {
    this.menu = items;
    this.menuUpdates++;
  }
  destroy(): void {
    this.destroyed = true;
  }

  /** Finds a menu item by label (also in submenus) and clicks it. */
  click(label: string | RegExp): void {
    const item = findItem(this.menu, label);
    if (!item?.click) throw new Error(`no clickable menu item ${String(label)} in ${JSON.stringify(labels(this.menu))}`);
    item.click();
  }

  labels(): unknown[] {
    return labels(this.menu);
  }
}

function findItem(items: readonly MenuItemSpec[], label: string | RegExp): MenuItemSpec | undefined {
  for (const item of items) {
    if (item.label !== undefined && (typeof label === 'string' ? item.label === label : label.test(item.label))) return item;
    const inner = item.submenu ? findItem(item.submenu, label) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

function labels(items: readonly MenuItemSpec[]): unknown[] {
  return items.map((item) => (item.type === 'separator' ? '---' : item.submenu ? { [item.label ?? '']: labels(item.submenu) } : item.label));
}

export class FakeApp extends Emitter {
  lockAvailable = true;
  ready = true;
  quitRequests = 0;
  /** True once a quit went through (no will-quit listener held it). */
  exited = false;
  readonly userData: string;
  isPackaged = false;

  constructor(userData: string) {
    super();
    this.userData = userData;
  }

  /** Electron's quit: before-quit, then will-quit, which a listener may hold back. */
  quit(): void {
    this.quitRequests++;
    this.emit('before-quit');
    if (!this.emitCancellable('will-quit')) this.exited = true;
  }
}

export interface ShownNotification extends NotificationSpec {
  readonly click: () => void;
}

export interface FakeElectron {
  readonly port: ElectronPort;
  readonly app: FakeApp;
  readonly windows: FakeWindow[];
  readonly trays: FakeTray[];
  readonly notifications: ShownNotification[];
  readonly openedExternally: string[];
  readonly handlers: Map<string, (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>>;
  readonly protocols: Map<string, (request: Request) => Promise<Response>>;
  readonly session: {
    permissionRequest?: PermissionRequestHandler;
    permissionCheck?: (webContents: unknown, permission: string) => boolean;
    headersReceived?: HeadersReceivedListener;
  };
  readonly power: Emitter;
  online: boolean;
  workAreas: Rect[];
  /** HTML documents handed to the PDF printer. */
  printed: string[];
  /** Calls the IPC handler of `channel` as the given sender would. */
  invoke(channel: string, event: IpcInvokeEvent, ...args: unknown[]): Promise<unknown>;
}

export function fakeElectron(userData: string): FakeElectron {
  const app = new FakeApp(userData);
  const power = new Emitter();
  const fake: FakeElectron = {
    app,
    windows: [],
    trays: [],
    notifications: [],
    openedExternally: [],
    handlers: new Map(),
    protocols: new Map(),
    session: {},
    power,
    online: true,
    workAreas: [{ x: 0, y: 0, width: 1920, height: 1040 }],
    printed: [],
    invoke: async (channel, event, ...args) => {
      const handler = fake.handlers.get(channel);
      if (!handler) throw new Error(`no handler for ${channel}`);
      return handler(event, ...args);
    },
    port: undefined as unknown as ElectronPort,
  };
  const port: ElectronPort = {
    app: {
      requestSingleInstanceLock: () => app.lockAvailable,
      whenReady: () => Promise.resolve(),
      on: (event: AppEvent | 'will-quit', listener: Listener) => app.on(event, listener),
      quit: () => app.quit(),
      userDataPath: () => app.userData,
      get isPackaged() {
        return app.isPackaged;
      },
    },
    session: {
      setPermissionRequestHandler: (handler) => (fake.session.permissionRequest = handler),
      setPermissionCheckHandler: (handler) => (fake.session.permissionCheck = handler),
      onHeadersReceived: (listener) => (fake.session.headersReceived = listener),
      handleProtocol: (scheme, handler) => fake.protocols.set(scheme, handler),
    },
    ipcMain: {
      handle: (channel, handler) => {
        if (fake.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        fake.handlers.set(channel, handler);
      },
      removeHandler: (channel) => fake.handlers.delete(channel),
    },
    createWindow: (options) => {
      const window = new FakeWindow(options);
      fake.windows.push(window);
      return window;
    },
    createTray: (iconPath) => {
      const tray = new FakeTray(iconPath);
      fake.trays.push(tray);
      return tray;
    },
    notificationsSupported: () => true,
    showNotification: (spec, onClick) => fake.notifications.push({ ...spec, click: onClick }),
    openExternal: (url) => {
      fake.openedExternally.push(url);
      return Promise.resolve();
    },
    onPowerEvent: (event, listener) => power.on(event, listener),
    isOnline: () => fake.online,
    workAreas: () => fake.workAreas,
    printHtmlToPdf: async (html) => {
      fake.printed.push(html);
      // Electron's printer cannot run here: hand back the smallest document that is a PDF.
      return new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
    },
  };
  return Object.assign(fake, { port });
}
