/**
 * A fake `electron` module for running the built main bundle (`out/main/index.js`) in plain
 * Node: the exports the adapter uses, recording what the app does with them. When the
 * window has loaded it plays a short session — calls over IPC from the window and from a
 * stranger, a page request on app://, the tray's "Quit Synack" — and prints a JSON report
 * line, then exits like Electron does once the quit goes through.
 */
import { EventEmitter } from 'node:events';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
interface MenuItem {
  label?: string;
  type?: string;
  submenu?: MenuItem[];
  click?: () => void;
}

const report: Record<string, unknown> = { quitRequests: 0, notifications: 0 };
const handlers = new Map<string, Handler>();
const protocols = new Map<string, (request: Request) => Promise<Response>>();
const trays: Tray[] = [];

class Cancellable {
  prevented = false;
  preventDefault(): void {
    this.prevented = true;
  }
}

class FakeApp extends EventEmitter {
  readonly isPackaged = false;
  requestSingleInstanceLock(): boolean {
    return true;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  enableSandbox(): void {
    report['sandboxEnabled'] = true;
  }
  setAppUserModelId(): void {}
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`unexpected path ${name}`);
    return process.env['FAKE_USER_DATA'] ?? '';
  }
  quit(): void {
    report['quitRequests'] = (report['quitRequests'] as number) + 1;
    this.emit('before-quit');
    const event = new Cancellable();
    this.emit('will-quit', event);
    if (event.prevented) return;
    process.stdout.write(`REPORT ${JSON.stringify(report)}\n`);
    process.exit(0);
  }
}

export const app = new FakeApp();

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown): void {
    report['privileged'] = schemes;
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void): void {
      handler({}, 'media', (granted) => (report['mediaGranted'] = granted));
    },
    setPermissionCheckHandler(handler: (wc: unknown, permission: string) => boolean): void {
      report['checkGranted'] = handler({}, 'geolocation');
    },
    webRequest: {
      onHeadersReceived(listener: (details: unknown, callback: (response: { responseHeaders: Record<string, string[]> }) => void) => void): void {
        listener({ url: 'app://synack/index.html', responseHeaders: {} }, ({ responseHeaders }) => (report['cspHeader'] = responseHeaders['Content-Security-Policy']?.[0]));
      },
    },
    protocol: {
      handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
        protocols.set(scheme, handler);
      },
    },
  },
};

export const ipcMain = {
  handle(channel: string, handler: Handler): void {
    handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    handlers.delete(channel);
  },
};

class WebContents extends EventEmitter {
  openHandler: ((details: { url: string }) => unknown) | undefined;
  readonly sent: string[] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.openHandler = handler;
  }
  send(channel: string): void {
    this.sent.push(channel);
  }
  isDestroyed(): boolean {
    return false;
  }
}

export class BrowserWindow extends EventEmitter {
  readonly webContents = new WebContents();
  visible = false;
  constructor(options: unknown) {
    super();
    report['windowOptions'] = options;
  }
  async loadURL(url: string): Promise<void> {
    report['loadedUrl'] = url;
    setImmediate(() => {
      this.emit('ready-to-show');
      void playSession(this);
    });
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {}
  restore(): void {}
  maximize(): void {}
  isMinimized(): boolean {
    return false;
  }
  isMaximized(): boolean {
    return false;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return false;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { x: 10, y: 20, width: 1000, height: 700 };
  }
}

export class Tray extends EventEmitter {
  image: string;
  tooltip = '';
  menu: MenuItem[] = [];
  constructor(image: string) {
    super();
    this.image = image;
    trays.push(this);
  }
  setImage(image: string): void {
    this.image = image;
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: { template: MenuItem[] }): void {
    this.menu = menu.template;
  }
  destroy(): void {
    report['trayDestroyed'] = true;
  }
}

export const Menu = {
  buildFromTemplate(template: MenuItem[]): { template: MenuItem[] } {
    return { template };
  },
};

export class Notification extends EventEmitter {
  static isSupported(): boolean {
    return true;
  }
  show(): void {
    report['notifications'] = (report['notifications'] as number) + 1;
  }
}

export const powerMonitor = new EventEmitter();
export const net = { isOnline: (): boolean => true };
const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
export const screen = { getPrimaryDisplay: () => display, getAllDisplays: () => [display] };
export const shell = {
  openExternal(url: string): Promise<void> {
    report['openedExternally'] = url;
    return Promise.resolve();
  },
};

function labels(items: MenuItem[]): unknown[] {
  return items.map((item) => (item.type === 'separator' ? '---' : item.submenu ? { [item.label ?? '']: labels(item.submenu) } : item.label));
}

async function playSession(window: BrowserWindow): Promise<void> {
  const trusted = { sender: window.webContents, senderFrame: { url: 'app://synack/index.html', parent: null } };
  const stranger = { sender: new WebContents(), senderFrame: { url: 'app://synack/index.html', parent: null } };
  report['channels'] = [...handlers.keys()].sort();
  report['added'] = await handlers.get('synack:endpoints:add')?.(trusted, { name: 'web', host: '127.0.0.1', port: 9, paused: true });
  report['invalid'] = await handlers.get('synack:endpoints:add')?.(trusted, { name: 'web2', host: '127.0.0.1', port: 0 });
  report['fromStranger'] = await handlers.get('synack:endpoints:list')?.(stranger);
  const page = await protocols.get('app')?.(new Request('app://synack/index.html'));
  report['pageStatus'] = page?.status;
  report['pageCsp'] = page?.headers.get('content-security-policy');
  report['windowOpen'] = window.webContents.openHandler?.({ url: 'https://example.com/' });
  await new Promise((resolve) => setTimeout(resolve, 300)); // let a push batch go out
  report['pushes'] = [...new Set(window.webContents.sent)];
  const tray = trays[0];
  report['trayImage'] = tray?.image;
  report['trayTooltip'] = tray?.tooltip;
  report['trayMenu'] = labels(tray?.menu ?? []);
  const quit = tray?.menu.find((item) => item.label === 'Quit Synack');
  quit?.click?.();
}
