import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_NAMES, OPERATIONS, PUSHES, type SynackApi } from '../../src-main/ipc/contract.ts';
import { createPreloadApi, type RendererIpc } from '../../src-main/preload/preload-api.ts';
import { buildPreload, PROJECT_ROOT } from '../../scripts/build-desktop.ts';
import { makeTempDir } from '../support/temp-dir.ts';

type IpcListener = (event: unknown, payload: unknown) => void;

/** ipcRenderer as the preload sees it: records invokes, lets the test push. */
class FakeIpcRenderer implements RendererIpc {
  readonly invoked: [string, unknown[]][] = [];
  readonly listeners = new Map<string, Set<IpcListener>>();

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, args]);
    return Promise.resolve({ ok: true, value: channel });
  }
  on(channel: string, listener: IpcListener): this {
    this.listeners.set(channel, (this.listeners.get(channel) ?? new Set()).add(listener));
    return this;
  }
  removeListener(channel: string, listener: IpcListener): this {
    this.listeners.get(channel)?.delete(listener);
    return this;
  }
  push(channel: string, payload: unknown): void {
    const event = { sender: 'the IpcRenderer event, never for the page' };
    for (const listener of this.listeners.get(channel) ?? []) listener(event, payload);
  }
  count(channel: string): number {
    return this.listeners.get(channel)?.size ?? 0;
  }
}

const EXPECTED_KEYS = [...OPERATION_NAMES, 'onUpdate', 'onNavigate'].sort();

/** Checks an exposed API against the contract through the fake IPC. */
async function exerciseApi(api: SynackApi, ipc: FakeIpcRenderer): Promise<void> {
  expect(Object.keys(api).sort()).toEqual(EXPECTED_KEYS);
  for (const name of OPERATION_NAMES) {
    expect(typeof api[name], name).toBe('function');
  }
  await expect(api.addEndpoint({ name: 'web', host: 'example.com', port: 443 })).resolves.toEqual({ ok: true, value: OPERATIONS.addEndpoint.channel });
  await api.series(1, 0, 1000, 100);
  await api.overview();
  expect(ipc.invoked).toEqual([
    [OPERATIONS.addEndpoint.channel, [{ name: 'web', host: 'example.com', port: 443 }]],
    [OPERATIONS.series.channel, [1, 0, 1000, 100]],
    [OPERATIONS.overview.channel, []],
  ]);

  const batches: unknown[] = [];
  const stop = api.onUpdate((batch) => batches.push(batch));
  const targets: unknown[] = [];
  const stopNavigate = api.onNavigate?.((target) => targets.push(target));
  ipc.push(PUSHES.update, { samples: [], statuses: [], events: [], endpoints: [], removed: [7] });
  ipc.push(PUSHES.navigate, { endpointId: 3 });
  expect(batches).toEqual([{ samples: [], statuses: [], events: [], endpoints: [], removed: [7] }]);
  expect(targets).toEqual([{ endpointId: 3 }]);
  stop();
  stopNavigate?.();
  expect(ipc.count(PUSHES.update)).toBe(0);
  expect(ipc.count(PUSHES.navigate)).toBe(0);
  ipc.push(PUSHES.update, { samples: [] });
  expect(batches).toHaveLength(1);
}

describe('createPreloadApi', () => {
  it('exposes exactly one function per operation plus the push listeners, each on its channel', async () => {
    const ipc = new FakeIpcRenderer();
    await exerciseApi(createPreloadApi(ipc), ipc);
  });

  it('is frozen, and never hands out ipcRenderer', () => {
    const ipc = new FakeIpcRenderer();
    const api = createPreloadApi(ipc);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.values(api)).not.toContain(ipc);
  });
});

describe('the bundled preload (out/preload/preload.cjs)', () => {
  const dir = makeTempDir('synack-preload-');
  const file = join(dir.path, 'preload.cjs');
  beforeAll(async () => {
    await buildPreload(PROJECT_ROOT, file);
  });
  afterAll(() => dir.remove());

  it('is one CommonJS file that requires only electron, and exposes the contract as window.synack', async () => {
    const ipc = new FakeIpcRenderer();
    const exposed = new Map<string, unknown>();
    const required: string[] = [];
    const contextBridge = { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) };
    const module = { exports: {} };
    // The sandbox's require: a preload gets `electron` (and a few built-ins we do not use).
    const sandboxRequire = (id: string): unknown => {
      required.push(id);
      if (id === 'electron') return { contextBridge, ipcRenderer: ipc };
      throw new Error(`a sandboxed preload cannot require ${id}`);
    };
    runInNewContext(readFileSync(file, 'utf8'), { require: sandboxRequire, module, exports: module.exports }, { filename: file });
    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['synack']);
    await exerciseApi(exposed.get('synack') as SynackApi, ipc);
  });
});
