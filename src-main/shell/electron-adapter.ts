/**
 * `ElectronPort` on the real Electron runtime: the only main-process file that imports
 * `electron`. Thin on purpose (no decisions here): it cannot be run on a machine without
 * the Electron binary, so everything it would decide lives in the tested modules instead.
 */
import { app, BrowserWindow, ipcMain, Menu, net, Notification, powerMonitor, protocol, screen, session, shell, Tray, type MenuItemConstructorOptions } from 'electron';
import { APP_SCHEME_PRIVILEGES } from './app-protocol.ts';
import type { ElectronPort, IpcInvokeEvent, MenuItemSpec, WindowPort } from './electron-port.ts';

export const APP_USER_MODEL_ID = 'net.synack.app';

/** What must happen before the app is ready: the privileged scheme and sandbox for every renderer. */
export function prepareElectron(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME_PRIVILEGES.scheme, privileges: { ...APP_SCHEME_PRIVILEGES.privileges } }]);
  app.enableSandbox();
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
}

/** The live notifications, kept referenced so a click still reaches its handler. */
const liveNotifications = new Set<Notification>();

export function createElectronPort(): ElectronPort {
  return {
    app: {
      requestSingleInstanceLock: () => app.requestSingleInstanceLock(),
      whenReady: () => app.whenReady(),
      on: app.on.bind(app),
      quit: () => app.quit(),
      userDataPath: () => app.getPath('userData'),
      get isPackaged() {
        return app.isPackaged;
      },
    },
    session: {
      setPermissionRequestHandler: (handler) => session.defaultSession.setPermissionRequestHandler(handler),
      setPermissionCheckHandler: (handler) => session.defaultSession.setPermissionCheckHandler(handler),
      onHeadersReceived: (listener) => session.defaultSession.webRequest.onHeadersReceived(listener),
      handleProtocol: (scheme, handler) => session.defaultSession.protocol.handle(scheme, handler),
    },
    ipcMain: {
      handle: (channel, handler) => ipcMain.handle(channel, (event, ...args) => handler(event as IpcInvokeEvent, ...args)),
      removeHandler: (channel) => ipcMain.removeHandler(channel),
    },
    createWindow: (options) => {
      const window: WindowPort = new BrowserWindow({ ...options, webPreferences: { ...options.webPreferences } });
      return window;
    },
    createTray: (iconPath) => {
      const tray = new Tray(iconPath);
      return {
        setImage: (path) => tray.setImage(path),
        setToolTip: (text) => tray.setToolTip(text),
        setContextMenu: (items) => tray.setContextMenu(Menu.buildFromTemplate(items.map(toMenuItem))),
        on: (event, listener) => {
          tray.on(event, listener);
        },
        destroy: () => tray.destroy(),
      };
    },
    notificationsSupported: () => Notification.isSupported(),
    showNotification: (spec, onClick) => {
      const notification = new Notification({ title: spec.title, body: spec.body });
      liveNotifications.add(notification);
      notification.on('click', onClick);
      notification.on('close', () => liveNotifications.delete(notification));
      notification.show();
    },
    openExternal: (url) => shell.openExternal(url),
    onPowerEvent: (event, listener) => {
      if (event === 'resume') powerMonitor.on('resume', listener);
      else powerMonitor.on('unlock-screen', listener);
    },
    isOnline: () => net.isOnline(),
    printHtmlToPdf: async (html) => {
      const printer = new BrowserWindow({
        show: false,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true },
      });
      try {
        await printer.loadURL(`data:text/html;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
        return await printer.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
      } finally {
        printer.destroy();
      }
    },
    workAreas: () => {
      const primary = screen.getPrimaryDisplay();
      return [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)].map((display) => display.workArea);
    },
  };
}

function toMenuItem(item: MenuItemSpec): MenuItemConstructorOptions {
  return {
    ...(item.label === undefined ? {} : { label: item.label }),
    ...(item.type === undefined ? {} : { type: item.type }),
    ...(item.enabled === undefined ? {} : { enabled: item.enabled }),
    ...(item.submenu === undefined ? {} : { submenu: item.submenu.map(toMenuItem) }),
    ...(item.click === undefined ? {} : { click: item.click }),
  };
}
