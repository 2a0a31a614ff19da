import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MonitorService } from '../../src-main/core/monitor/monitor-service.ts';
import { openHistoryStore } from '../../src-main/core/store/open-history-store.ts';
import { OPERATION_NAMES, OPERATIONS, type ApiResult } from '../../src-main/ipc/contract.ts';
import type { FramePort, IpcInvokeEvent } from '../../src-main/shell/electron-port.ts';
import { isTrustedSender, registerIpcHandlers, UNTRUSTED_SENDER } from '../../src-main/shell/ipc-handlers.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { fakeElectron, FakeWebContents, type FakeElectron } from './fake-electron.ts';

const APP_PAGE = 'app://synack/index.html';

describe('IPC handlers on a real MonitorService', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let service: MonitorService;
  let electron: FakeElectron;
  let appContents: FakeWebContents;
  let unregister: () => void;

  const fromApp = (url = APP_PAGE): IpcInvokeEvent => ({ sender: appContents, senderFrame: { url, parent: null } });
  const call = (name: keyof typeof OPERATIONS, event: IpcInvokeEvent, ...args: unknown[]): Promise<ApiResult<unknown>> =>
    electron.invoke(OPERATIONS[name].channel, event, ...args) as Promise<ApiResult<unknown>>;

  beforeEach(() => {
    dir = makeTempDir('synack-ipc-');
    service = new MonitorService({ store: openHistoryStore(join(dir.path, 'synack.db')).store });
    electron = fakeElectron(dir.path);
    appContents = new FakeWebContents();
    unregister = registerIpcHandlers(electron.port.ipcMain, service, (sender) => sender === appContents);
  });

  afterEach(async () => {
    await service.stop();
    dir.remove();
  });

  it('registers one handler per operation of the contract, and removes them all', () => {
    expect([...electron.handlers.keys()].sort()).toEqual(OPERATION_NAMES.map((name) => OPERATIONS[name].channel).sort());
    unregister();
    expect(electron.handlers.size).toBe(0);
  });

  it('passes a valid call from the app window to the service and returns plain data', async () => {
    const added = await call('addEndpoint', fromApp(), { name: 'web', host: '127.0.0.1', port: 8080 });
    expect(added).toMatchObject({ ok: true, value: { id: 1, name: 'web', host: '127.0.0.1', port: 8080 } });
    const listed = await call('listEndpoints', fromApp());
    expect(listed).toMatchObject({ ok: true, value: [{ name: 'web' }] });
    expect(service.listEndpoints().map((endpoint) => endpoint.name)).toEqual(['web']);
    // What crosses IPC must survive structured cloning unchanged.
    expect(structuredClone(listed)).toEqual(listed);
  });

  it('rejects an invalid payload with the field named, before the service sees it', async () => {
    const result = await call('addEndpoint', fromApp(), { name: 'web', host: '127.0.0.1', port: 70000 });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', field: 'port' });
    expect(result.ok ? '' : result.message).toMatch(/port/);
    expect(await call('removeEndpoint', fromApp(), 'one')).toMatchObject({ ok: false, code: 'VALIDATION', field: 'argument 1' });
    expect(await call('updateSettings', fromApp(), { theme: 'pink' })).toMatchObject({ ok: false, code: 'VALIDATION', field: 'theme' });
    expect(await call('listEndpoints', fromApp(), 'unexpected')).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(service.listEndpoints()).toEqual([]);
  });

  it('turns service errors into ApiErrors', async () => {
    expect(await call('probeNow', fromApp(), 42)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await call('addEndpoint', fromApp(), { name: 'web', host: '127.0.0.1', port: 8080 });
    expect(await call('addEndpoint', fromApp(), { name: 'web', host: '127.0.0.1', port: 9090 })).toMatchObject({ ok: false, code: 'CONFLICT', field: 'name' });
  });

  describe('rejects untrusted senders without touching the service', () => {
    const parent: FramePort = { url: APP_PAGE, parent: null };
    const cases: [string, () => IpcInvokeEvent][] = [
      ['another WebContents on an app page', () => ({ sender: new FakeWebContents(), senderFrame: { url: APP_PAGE, parent: null } })],
      ['an iframe inside the app page', () => ({ sender: appContents, senderFrame: { url: APP_PAGE, parent } })],
      ['the app window after navigating to a web page', () => fromApp('https://evil.example/index.html')],
      ['a file:// page', () => fromApp('file:///tmp/index.html')],
      ['another app:// host', () => fromApp('app://evil/index.html')],
      ['a destroyed frame', () => ({ sender: appContents, senderFrame: null })],
    ];
    it.each(cases)('%s', async (_label, event) => {
      expect(await call('addEndpoint', event(), { name: 'web', host: '127.0.0.1', port: 8080 })).toEqual(UNTRUSTED_SENDER);
      expect(await call('listEndpoints', event())).toEqual(UNTRUSTED_SENDER);
      expect(service.listEndpoints()).toEqual([]);
    });
  });
});

describe('isTrustedSender', () => {
  it('needs all of: the app WebContents, the top frame, an app:// page', () => {
    const contents = {};
    const is = (sender: unknown): boolean => sender === contents;
    expect(isTrustedSender({ sender: contents, senderFrame: { url: APP_PAGE, parent: null } }, is)).toBe(true);
    expect(isTrustedSender({ sender: {}, senderFrame: { url: APP_PAGE, parent: null } }, is)).toBe(false);
    expect(isTrustedSender({ sender: contents, senderFrame: { url: APP_PAGE, parent: { url: APP_PAGE, parent: null } } }, is)).toBe(false);
    expect(isTrustedSender({ sender: contents, senderFrame: { url: 'http://127.0.0.1/', parent: null } }, is)).toBe(false);
    expect(isTrustedSender({ sender: contents, senderFrame: null }, is)).toBe(false);
  });
});
