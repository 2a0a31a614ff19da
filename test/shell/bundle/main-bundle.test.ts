/**
 * The built main bundle, run in plain Node with a fake `electron` module: checks that the
 * bundle loads (its imports resolve, the runtime dependencies stay external), that the
 * Electron adapter wires the real objects' API the way the shell expects, and that a quit
 * from the tray menu stops the service and flushes the database before the process exits.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMain, PROJECT_ROOT } from '../../../scripts/build-desktop.ts';
import { openHistoryStore } from '../../../src-main/core/store/open-history-store.ts';
import { OPERATION_NAMES, OPERATIONS, PUSHES } from '../../../src-main/ipc/contract.ts';
import { DESKTOP_CONTENT_SECURITY_POLICY } from '../../../src-main/security/content-security-policy.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const HOOKS = fileURLToPath(new URL('./electron-hooks.ts', import.meta.url));

describe('out/main/index.js on a fake electron module', () => {
  // Inside the project so the bundle's external imports (zod, csv-*) resolve from node_modules.
  const outDir = join(PROJECT_ROOT, 'out', `bundle-test-${process.pid}`);
  const data = makeTempDir('synack-bundle-');
  let bundle: string;

  beforeAll(async () => {
    bundle = (await buildMain(PROJECT_ROOT, join(outDir, 'main', 'index.js'))).path;
    mkdirSync(join(outDir, 'renderer'), { recursive: true });
    writeFileSync(join(outDir, 'renderer', 'index.html'), '<!doctype html><title>Synack</title>');
  });
  afterAll(() => {
    rmSync(outDir, { recursive: true, force: true });
    data.remove();
  });

  it('starts, serves IPC and app://, builds the tray, and quits with the database flushed', async () => {
    const dbPath = join(data.path, 'synack.db');
    const child = spawn(process.execPath, ['--import', HOOKS, bundle], {
      env: { ...process.env, FAKE_USER_DATA: join(data.path, 'userData'), SYNACK_DB: dbPath },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
    clearTimeout(timer);
    expect(code, stderr).toBe(0);
    const line = stdout.split('\n').find((text) => text.startsWith('REPORT '));
    if (!line) throw new Error(`no report:\n${stdout}\n${stderr}`);
    const report = JSON.parse(line.slice('REPORT '.length)) as Record<string, unknown>;

    expect(report['sandboxEnabled']).toBe(true);
    expect(report['privileged']).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, bypassCSP: false, allowServiceWorkers: false, stream: false } }]);
    expect(report['mediaGranted']).toBe(false);
    expect(report['checkGranted']).toBe(false);
    expect(report['cspHeader']).toBe(DESKTOP_CONTENT_SECURITY_POLICY);
    expect(report['loadedUrl']).toBe('app://synack/index.html');
    expect(report['windowOptions']).toMatchObject({
      show: false,
      icon: join(outDir, 'icons', 'app.png'),
      webPreferences: { preload: join(outDir, 'preload', 'preload.cjs'), contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: true },
    });
    expect(report['channels']).toEqual(OPERATION_NAMES.map((name) => OPERATIONS[name].channel).sort());
    expect(report['added']).toMatchObject({ ok: true, value: { id: 1, name: 'web', paused: true } });
    expect(report['invalid']).toMatchObject({ ok: false, code: 'VALIDATION', field: 'port' });
    expect(report['fromStranger']).toMatchObject({ ok: false, field: 'sender' });
    expect(report['pageStatus']).toBe(200);
    expect(report['pageCsp']).toBe(DESKTOP_CONTENT_SECURITY_POLICY);
    expect(report['windowOpen']).toEqual({ action: 'deny' });
    expect(report['openedExternally']).toBe('https://example.com/');
    expect(report['pushes']).toEqual([PUSHES.update]);
    expect(report['trayImage']).toBe(join(outDir, 'icons', 'tray-paused.png'));
    expect(report['trayTooltip']).toBe('Synack — 1 paused');
    expect(report['trayMenu']).toEqual([
      'Open Synack', '---', 'Probe all now', 'Resume all', '---',
      { 'Snooze notifications': ['For 1 hour', expect.stringMatching(/^Until 08:00( tomorrow)?$/)] }, '---', 'Quit Synack',
    ]);
    expect(report['quitRequests']).toBe(2);
    expect(report['trayDestroyed']).toBe(true);

    const { store } = openHistoryStore(dbPath);
    try {
      expect(store.listEndpoints().map((endpoint) => endpoint.name)).toEqual(['web']);
    } finally {
      store.close();
    }
    expect(JSON.parse(readFileSync(join(data.path, 'userData', 'window-state.json'), 'utf8'))).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
  });
});
