/**
 * The closest this machine gets to the desktop window: the real renderer build and the real
 * preload bundle in real Chromium, under the desktop CSP, talking to the real main-process
 * side (IPC handlers, MonitorService on SQLite, probes on loopback) through a stand-in for
 * Electron's IPC. Chromium loads the pages over loopback HTTP from the app:// protocol
 * handler (Electron would call the same handler for app://synack/), with the session's
 * header listener applied. Saves a screenshot to test-artifacts/.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPreload, PROJECT_ROOT } from '../../scripts/build-desktop.ts';
import { OPERATION_NAMES } from '../../src-main/ipc/contract.ts';
import { DESKTOP_CONTENT_SECURITY_POLICY } from '../../src-main/security/content-security-policy.ts';
import { startDesktopApp, type DesktopApp } from '../../src-main/shell/desktop-app.ts';
import { tcpServer, type TcpFixture } from '../support/loopback.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { fakeElectron, type FakeElectron } from './fake-electron.ts';

const CHROMIUM = '/usr/bin/chromium';
const VITE = join(PROJECT_ROOT, 'node_modules/vite/bin/vite.js');

/** What Electron does around the preload: a sandboxed `require` and IPC, here bridged to the test. */
function preloadHarness(preloadCode: string): string {
  return `(() => {
    window.__violations = [];
    window.__sockets = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));
    const NativeWebSocket = window.WebSocket;
    window.WebSocket = function (url, protocols) { window.__sockets.push(String(url)); return new NativeWebSocket(url, protocols); };
    const listeners = new Map();
    const ipcRenderer = {
      invoke: (channel, ...args) => window.__synackInvoke(channel, args),
      on: (channel, listener) => { if (!listeners.has(channel)) listeners.set(channel, new Set()); listeners.get(channel).add(listener); },
      removeListener: (channel, listener) => { listeners.get(channel)?.delete(listener); },
    };
    window.__synackPush = (channel, payload) => { for (const listener of listeners.get(channel) ?? []) listener({}, payload); };
    const contextBridge = { exposeInMainWorld: (key, api) => Object.defineProperty(window, key, { value: api }) };
    const require = (id) => { if (id === 'electron') return { contextBridge, ipcRenderer }; throw new Error('a sandboxed preload cannot require ' + id); };
    const module = { exports: {} };
    const exports = module.exports;
    ${preloadCode}
  })();`;
}

describe('the desktop window in Chromium (renderer + preload + main process, no Electron)', () => {
  const dir = makeTempDir('synack-desktop-window-');
  let electron: FakeElectron;
  let app: DesktopApp;
  let http: Server;
  let origin: string;
  let browser: Browser;
  let page: Page;
  let target: TcpFixture;

  beforeAll(async () => {
    const built = spawnSync(process.execPath, [VITE, 'build', '--config', 'src-renderer/vite.config.ts', '--outDir', join(dir.path, 'renderer'), '--emptyOutDir', '--logLevel', 'error'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    if (built.status !== 0) throw new Error(`renderer build failed: ${built.stderr}`);
    const preload = await buildPreload(PROJECT_ROOT, join(dir.path, 'preload.cjs'));

    target = await tcpServer();
    electron = fakeElectron(join(dir.path, 'userData'));
    const started = await startDesktopApp({
      port: electron.port,
      paths: { rendererDir: join(dir.path, 'renderer'), preload: preload.path, trayIconDir: join(dir.path, 'icons') },
      env: {},
      log: () => undefined,
    });
    if (!started) throw new Error('the app did not start');
    app = started;

    // app:// over loopback HTTP: the protocol handler's response, then the session's header listener.
    http = createServer((request, response) => {
      void (async () => {
        const answer = await electron.protocols.get('app')?.(new Request(`app://synack${request.url ?? '/'}`, { method: request.method ?? 'GET' }));
        if (!answer) throw new Error('no app:// handler');
        let headers: Record<string, string[]> = {};
        answer.headers.forEach((value, name) => (headers[name] = [value]));
        electron.session.headersReceived?.({ url: `app://synack${request.url ?? '/'}`, responseHeaders: headers }, (result) => (headers = result.responseHeaders));
        response.writeHead(answer.status, Object.fromEntries(Object.entries(headers).map(([name, values]) => [name, values.join(', ')])));
        response.end(Buffer.from(await answer.arrayBuffer()));
      })().catch(() => response.destroy());
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    const window = electron.windows[0];
    if (!window) throw new Error('no window');
    // IPC: calls arrive as Electron delivers them for the window's top frame; pushes go back through the preload.
    await page.exposeBinding('__synackInvoke', (_source, channel: string, args: unknown[]) =>
      electron.invoke(channel, { sender: window.webContents, senderFrame: { url: 'app://synack/index.html', parent: null } }, ...args),
    );
    window.webContents.send = (channel, payload) => {
      page.evaluate(([c, p]) => (window as unknown as { __synackPush(c: unknown, p: unknown): void }).__synackPush(c, p), [channel, payload] as const).catch(() => undefined);
    };
    await page.addInitScript(preloadHarness(readFileSync(preload.path, 'utf8')));
    await page.goto(`${origin}/index.html`);
    window.emit('ready-to-show');
  });

  afterAll(async () => {
    await browser?.close();
    electron?.app.quit();
    await app?.stopped;
    await new Promise((resolve) => http?.close(resolve));
    await target?.close();
    dir.remove();
  });

  it('shows an endpoint added through window.synack go up, with no CSP violation and no network connection', async () => {
    expect(await page.evaluate(() => Object.keys((window as unknown as { synack: object }).synack).sort())).toEqual([...OPERATION_NAMES, 'onNavigate', 'onUpdate'].sort());
    const added = await page.evaluate(
      (port) => (window as unknown as { synack: { addEndpoint(input: unknown): Promise<unknown> } }).synack.addEndpoint({ name: 'loopback', host: '127.0.0.1', port, intervalMs: 500, timeoutMs: 300 }),
      target.port,
    );
    expect(added).toMatchObject({ ok: true, value: { name: 'loopback' } });
    const invalid = await page.evaluate(() => (window as unknown as { synack: { addEndpoint(input: unknown): Promise<unknown> } }).synack.addEndpoint({ name: 'bad', host: '127.0.0.1', port: 0 }));
    expect(invalid).toMatchObject({ ok: false, code: 'VALIDATION', field: 'port' });

    await page.locator('[data-testid="endpoint-row"][data-state="up"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid="endpoint-row"] .endpoint-name').textContent()).toBe('loopback');
    expect(app.service.listEndpoints().map((endpoint) => endpoint.name)).toEqual(['loopback']);

    const response = await page.request.get(`${origin}/index.html`);
    expect(response.headers()['content-security-policy']).toBe(DESKTOP_CONTENT_SECURITY_POLICY);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __sockets: string[] }).__sockets)).toEqual([]);

    mkdirSync(join(PROJECT_ROOT, 'test-artifacts'), { recursive: true });
    await page.screenshot({ path: join(PROJECT_ROOT, 'test-artifacts', 'desktop-window.png') });
  });
});
