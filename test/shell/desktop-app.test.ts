/**
 * The whole desktop shell on a fake Electron runtime, with everything else real: the
 * MonitorService on a SQLite file in a temp dir, probes against a loopback server, the
 * IPC handlers, the tray, notifications and the quit sequence.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openHistoryStore } from '../../src-main/core/store/open-history-store.ts';
import { OPERATION_NAMES, OPERATIONS, PUSHES, type ApiResult } from '../../src-main/ipc/contract.ts';
import { APP_ENTRY_URL } from '../../src-main/shell/app-protocol.ts';
import { startDesktopApp, type DesktopApp } from '../../src-main/shell/desktop-app.ts';
import { WINDOW_STATE_FILE } from '../../src-main/shell/window-state.ts';
import { tcpServer, type TcpFixture } from '../support/loopback.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { fakeElectron, type FakeElectron, type FakeWindow } from './fake-electron.ts';
import { waitUntil } from '../support/wait.ts';

describe('startDesktopApp', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let electron: FakeElectron;
  let app: DesktopApp | null;
  let server: TcpFixture | undefined;
  const logged: string[] = [];

  const start = async (): Promise<DesktopApp> => {
    const started = await startDesktopApp({
      port: electron.port,
      paths: { rendererDir: join(dir.path, 'renderer'), preload: '/app/out/preload/preload.cjs', trayIconDir: '/app/out/icons', appIcon: '/app/out/icons/app.png' },
      env: {},
      notificationLimits: { collectMs: 100 },
      log: (line) => logged.push(line),
    });
    if (!started) throw new Error('the app did not start');
    app = started;
    return started;
  };
  const window = (): FakeWindow => {
    const last = electron.windows.at(-1);
    if (!last) throw new Error('no window');
    return last;
  };
  const call = (name: keyof typeof OPERATIONS, ...args: unknown[]): Promise<ApiResult<unknown>> =>
    electron.invoke(OPERATIONS[name].channel, { sender: window().webContents, senderFrame: window().webContents.frame() }, ...args) as Promise<ApiResult<unknown>>;
  const quit = async (): Promise<void> => {
    electron.app.quit();
    await app?.stopped;
  };

  beforeEach(() => {
    dir = makeTempDir('synack-desktop-');
    mkdirSync(join(dir.path, 'renderer'));
    writeFileSync(join(dir.path, 'renderer', 'index.html'), '<!doctype html><title>Synack</title>');
    electron = fakeElectron(join(dir.path, 'userData'));
    app = null;
    server = undefined;
    logged.length = 0;
  });

  afterEach(async () => {
    if (app && !electron.app.exited) await quit();
    await server?.close();
    dir.remove();
  });

  it('prints PDF reports with Electron\'s printer, not a separate Chromium', async () => {
    await start();
    const now = Date.now();
    const result = await call('exportReport', { from: now - 3_600_000, to: now, format: 'pdf' });
    expect(result).toMatchObject({ ok: true, value: { mime: 'application/pdf', encoding: 'base64' } });
    expect(electron.printed).toHaveLength(1);
    expect(electron.printed[0]).toMatch(/^<!doctype html>/i);
    expect(electron.printed[0]).toContain('Content-Security-Policy');
  });

  it('quits at once when another instance holds the lock (that one shows its window)', async () => {
    electron.app.lockAvailable = false;
    const started = await startDesktopApp({ port: electron.port, paths: { rendererDir: dir.path, preload: 'p', trayIconDir: 'i' }, env: {} });
    expect(started).toBeNull();
    expect(electron.app.exited).toBe(true);
    expect(electron.windows).toEqual([]);
    expect(electron.handlers.size).toBe(0);
  });

  it('opens a locked-down window on app://synack, with the session hardened and IPC registered', async () => {
    const started = await start();
    expect(started.dbPath).toBe(join(dir.path, 'userData', 'synack.db'));
    const win = window();
    expect(win.loadedUrl).toBe(APP_ENTRY_URL);
    expect(win.options.webPreferences).toMatchObject({ preload: '/app/out/preload/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(win.options.icon).toBe('/app/out/icons/app.png');
    expect(win.webContents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(electron.protocols.has('app')).toBe(true);
    const page = await electron.protocols.get('app')?.(new Request(APP_ENTRY_URL));
    expect(await page?.text()).toContain('<title>Synack</title>');
    expect(electron.session.permissionRequest).toBeDefined();
    expect(electron.session.headersReceived).toBeDefined();
    expect([...electron.handlers.keys()].sort()).toEqual(OPERATION_NAMES.map((name) => OPERATIONS[name].channel).sort());
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
    const tray = electron.trays[0];
    expect(tray?.image).toBe('/app/out/icons/tray-up.png');
    expect(tray?.tooltip).toBe('Synack — no endpoints');
  });

  it('monitors through IPC, pushes updates, follows state in the tray and notifies; a click shows the endpoint', async () => {
    server = await tcpServer();
    const started = await start();
    window().emit('ready-to-show');
    const added = await call('addEndpoint', { name: 'web', host: '127.0.0.1', port: server.port, intervalMs: 250, timeoutMs: 200 });
    expect(added).toMatchObject({ ok: true, value: { id: 1, name: 'web' } });
    const tray = electron.trays[0];
    await waitUntil(() => tray?.tooltip === 'Synack — 1 up', 'the tray to show the endpoint up');
    expect(window().webContents.sent.some(([channel]) => channel === PUSHES.update)).toBe(true);

    await server.close();
    server = undefined;
    await waitUntil(() => tray?.image === '/app/out/icons/tray-down.png', 'the tray to turn red');
    expect(tray?.tooltip).toBe('Synack — 1 down');
    await waitUntil(() => electron.notifications.length > 0, 'a notification');
    expect(electron.notifications[0]).toMatchObject({ title: 'web is down' });
    expect(electron.notifications[0]?.body).toMatch(/^Refused \(ECONNREFUSED\) — 127\.0\.0\.1:\d+$/);

    window().hide();
    electron.notifications[0]?.click();
    expect(window().visible).toBe(true);
    expect(window().webContents.sent.at(-1)).toEqual([PUSHES.navigate, { endpointId: 1 }]);

    tray?.click('Pause all');
    await waitUntil(() => tray?.image === '/app/out/icons/tray-paused.png', 'the tray to show paused');
    expect(started.service.listEndpoints()[0]?.paused).toBe(true);
    tray?.click('Resume all');
    expect(started.service.listEndpoints()[0]?.paused).toBe(false);
  });

  it('snoozes notifications from the tray and shows it', async () => {
    await start();
    const tray = electron.trays[0];
    tray?.click('For 1 hour');
    expect(tray?.tooltip).toMatch(/^Synack — no endpoints\nNotifications snoozed until \d\d:\d\d/);
    tray?.click(/^Resume notifications/);
    expect(tray?.tooltip).toBe('Synack — no endpoints');
  });

  it('hides to the tray on close, comes back on a second launch, keeps monitoring', async () => {
    const started = await start();
    const win = window();
    win.emit('ready-to-show');
    expect(win.close()).toBe(false);
    expect(win.visible).toBe(false);
    expect(electron.app.quitRequests).toBe(0);
    electron.app.emit('second-instance');
    expect(win.visible).toBe(true);
    expect(await call('listEndpoints')).toEqual({ ok: true, value: [] });
    expect(started.service.settings.closeToTray).toBe(true);
  });

  it('closes and quits when closeToTray is off', async () => {
    const started = await start();
    window().emit('ready-to-show');
    expect(await call('updateSettings', { closeToTray: false })).toMatchObject({ ok: true, value: { closeToTray: false } });
    expect(window().close()).toBe(true);
    await started.stopped;
    expect(electron.app.exited).toBe(true);
  });

  it('tells the service about resume, unlock and network changes', async () => {
    const started = await start();
    const resumed = vi.spyOn(started.service, 'notifyResume');
    electron.power.emit('resume');
    electron.power.emit('unlock-screen');
    expect(resumed).toHaveBeenCalledTimes(2);
  });

  it('quits from the tray: holds the quit until the service stopped and the database is flushed', async () => {
    server = await tcpServer();
    const started = await start();
    window().emit('ready-to-show');
    await call('addEndpoint', { name: 'web', host: '127.0.0.1', port: server.port, intervalMs: 250, timeoutMs: 200 });
    await waitUntil(() => electron.trays[0]?.tooltip === 'Synack — 1 up', 'the endpoint up');
    window().bounds = { x: 50, y: 60, width: 1000, height: 700 };

    electron.trays[0]?.click('Quit Synack');
    expect(electron.app.exited).toBe(false); // held while stopping
    await started.stopped;
    expect(electron.app.exited).toBe(true);
    expect(electron.app.quitRequests).toBe(2);
    expect(electron.trays[0]?.destroyed).toBe(true);
    expect(electron.handlers.size).toBe(0);
    expect(window().close()).toBe(true); // quitting: no more hiding

    const statePath = join(dir.path, 'userData', WINDOW_STATE_FILE);
    expect(existsSync(statePath)).toBe(true);
    expect(JSON.parse(readFileSync(statePath, 'utf8'))).toEqual({ x: 50, y: 60, width: 1000, height: 700, maximized: false });

    const { store } = openHistoryStore(started.dbPath);
    try {
      expect(store.listEndpoints().map((endpoint) => endpoint.name)).toEqual(['web']);
      const summary = store.summary(1, 0, Date.now() + 1000);
      expect(summary.samples).toBeGreaterThan(0);
      expect(store.events({ from: 0, to: Date.now() + 1000, limit: 10 }).some((event) => event.to === 'up')).toBe(true);
    } finally {
      store.close();
    }
  });

  it('reopens the window where it was left', async () => {
    mkdirSync(join(dir.path, 'userData'), { recursive: true });
    writeFileSync(join(dir.path, 'userData', WINDOW_STATE_FILE), JSON.stringify({ x: 300, y: 200, width: 900, height: 650, maximized: true }));
    await start();
    expect(window().options).toMatchObject({ x: 300, y: 200, width: 900, height: 650 });
    window().emit('ready-to-show');
    expect(window().maximized).toBe(true);
  });
});
