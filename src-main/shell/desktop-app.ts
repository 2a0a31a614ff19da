/**
 * The desktop app, wired: one instance, a hardened session serving the renderer on
 * `app://synack`, the MonitorService on the user's database, IPC, the window, the tray,
 * notifications and power/network awareness; and an orderly quit that stops the service and
 * flushes the database. All Electron access goes through `ElectronPort`.
 */
import { join } from 'node:path';
import { MonitorService } from '../core/monitor/monitor-service.ts';
import { openHistoryStore } from '../core/store/open-history-store.ts';
import { DB_FILE_NAME } from '../core/store/paths.ts';
import { PUSHES } from '../ipc/contract.ts';
import type { NavigateDto } from '../ipc/dto.ts';
import { APP_SCHEME, createAppProtocolHandler } from './app-protocol.ts';
import type { ElectronPort } from './electron-port.ts';
import { registerIpcHandlers } from './ipc-handlers.ts';
import { MainWindow } from './main-window.ts';
import { NotificationPolicy, type NotificationLimits } from './notifications/notification-policy.ts';
import { watchPowerAndNetwork } from './power-watch.ts';
import { hardenSession } from './session-security.ts';
import { TrayController } from './tray-controller.ts';
import type { TrayLevel } from './tray-model.ts';
import { WINDOW_STATE_FILE } from './window-state.ts';

export interface DesktopPaths {
  /** The built renderer (`out/renderer`). */
  readonly rendererDir: string;
  /** The bundled preload (`out/preload/preload.cjs`). */
  readonly preload: string;
  /** Directory with `tray-<level>.png` (and `@2x`) icons. */
  readonly trayIconDir: string;
  /** The window icon (Linux, Windows). */
  readonly appIcon?: string;
}

export interface DesktopAppOptions {
  readonly port: ElectronPort;
  readonly paths: DesktopPaths;
  /** Environment (`SYNACK_DB` overrides the database path). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly notificationLimits?: Partial<NotificationLimits>;
  /** Where notices (a corrupt database set aside…) go. @default stderr */
  readonly log?: (line: string) => void;
}

/** The running app, for the entry point and tests. */
export interface DesktopApp {
  readonly service: MonitorService;
  readonly window: MainWindow;
  readonly tray: TrayController;
  readonly notifications: NotificationPolicy;
  readonly dbPath: string;
  /** Resolves once a quit has stopped the service and flushed the database. */
  readonly stopped: Promise<void>;
}

/**
 * Starts the app. Resolves to null when another instance already runs (this one then quits
 * and the other shows its window).
 */
export async function startDesktopApp(options: DesktopAppOptions): Promise<DesktopApp | null> {
  const { port, paths } = options;
  const { app } = port;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  await app.whenReady();

  hardenSession(port.session);
  port.session.handleProtocol(APP_SCHEME, createAppProtocolHandler(paths.rendererDir));

  const userData = app.userDataPath();
  const dbPath = options.env?.['SYNACK_DB'] || join(userData, DB_FILE_NAME);
  const { store, notices } = openHistoryStore(dbPath);
  for (const notice of notices) log(`synack: ${notice}`);
  // Reports print with Electron's own engine here; the CLI uses a headless Chromium instead.
  const service = new MonitorService({ store, reports: { printToPdf: (html) => port.printHtmlToPdf(html) } });

  const window = new MainWindow({
    port,
    preload: paths.preload,
    ...(paths.appIcon === undefined ? {} : { icon: paths.appIcon }),
    statePath: join(userData, WINDOW_STATE_FILE),
    devTools: !app.isPackaged,
    closeToTray: () => service.settings.closeToTray,
    onClosed: () => app.quit(),
  });

  const navigate = (target: NavigateDto): void => {
    window.show();
    window.send(PUSHES.navigate, target);
  };
  const notifications = new NotificationPolicy({
    show: (content) => {
      if (port.notificationsSupported()) port.showNotification({ title: content.title, body: content.body }, () => navigate({ endpointId: content.endpointId }));
    },
    settings: () => service.settings.notifications,
    ...(options.notificationLimits === undefined ? {} : { limits: options.notificationLimits }),
  });

  const tray = new TrayController(port.createTray(trayIcon(paths.trayIconDir, 'up')), (level) => trayIcon(paths.trayIconDir, level), {
    open: () => window.show(),
    probeAll: () => probeAll(service),
    pauseAll: () => service.pauseAll(),
    resumeAll: () => service.resumeAll(),
    snooze: (until) => {
      notifications.snooze(until);
      tray.setSnooze(notifications.snoozedUntil);
    },
    quit: () => app.quit(),
  });
  tray.reset(service.overview().map((row) => [row.endpoint.id, row.status.state] as const));

  const unregisterIpc = registerIpcHandlers(port.ipcMain, service, (sender) => window.isAppWebContents(sender));
  const unsubscribe = service.subscribe((batch) => {
    window.send(PUSHES.update, batch);
    tray.apply(batch);
  });
  const stopTransitions = service.onTransition((report) => notifications.observe(report));
  const stopWatching = watchPowerAndNetwork(port, () => service.notifyResume());

  app.on('second-instance', () => window.show());
  app.on('activate', () => window.show());
  // Closing the last window must not quit: monitoring goes on in the tray.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => window.allowClose());

  let resolveStopped!: () => void;
  const stopped = new Promise<void>((resolve) => (resolveStopped = resolve));
  let shutdown: Promise<void> | undefined;
  let done = false;
  app.on('will-quit', (event) => {
    if (done) return;
    // Hold the quit until the service has stopped and the database is flushed, then quit again.
    event.preventDefault();
    shutdown ??= (async () => {
      stopWatching();
      stopTransitions();
      unsubscribe();
      unregisterIpc();
      notifications.dispose();
      tray.dispose();
      window.saveState();
      await service.stop();
    })()
      .catch((error: unknown) => log(`synack: error while stopping: ${(error as Error).message}`))
      .finally(() => {
        done = true;
        resolveStopped();
        app.quit();
      });
  });

  service.start();
  window.show();
  return { service, window, tray, notifications, dbPath, stopped };
}

/** Probes every endpoint that is not paused, now; failures are already samples, so ignored here. */
function probeAll(service: MonitorService): void {
  for (const endpoint of service.listEndpoints()) {
    if (!endpoint.paused) service.probeNow(endpoint.id).catch(() => undefined);
  }
}

function trayIcon(dir: string, level: TrayLevel): string {
  return join(dir, `tray-${level}.png`);
}
