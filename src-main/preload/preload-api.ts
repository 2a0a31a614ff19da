/**
 * `window.synack` for the desktop window, generated from the contract: one function per
 * operation (invoking its channel), plus the push listeners. Nothing here imports Electron:
 * the preload entry hands in `ipcRenderer`, tests hand in a fake. The renderer never sees
 * `ipcRenderer` itself, only these functions, and listeners get the payload without the
 * IPC event (which would expose `event.sender`).
 */
import { OPERATION_NAMES, OPERATIONS, PUSHES, type SynackApi } from '../ipc/contract.ts';
import type { NavigateDto, UpdateBatchDto } from '../ipc/dto.ts';

/** The part of Electron's `ipcRenderer` the preload uses. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

type Operations = Omit<SynackApi, 'onUpdate' | 'onNavigate'>;

/** Builds the object the preload exposes as `window.synack`. */
export function createPreloadApi(ipc: RendererIpc): SynackApi {
  const operations = Object.fromEntries(
    OPERATION_NAMES.map((name) => {
      const { channel } = OPERATIONS[name];
      return [name, (...args: unknown[]) => ipc.invoke(channel, ...args)];
    }),
  ) as unknown as Operations;
  const api = {
    ...operations,
    onUpdate: (listener: (batch: UpdateBatchDto) => void) => listen(ipc, PUSHES.update, listener),
    onNavigate: (listener: (target: NavigateDto) => void) => listen(ipc, PUSHES.navigate, listener),
  } satisfies SynackApi;
  return Object.freeze(api);
}

function listen<T>(ipc: RendererIpc, channel: string, listener: (payload: T) => void): () => void {
  const handler = (_event: unknown, payload: unknown): void => listener(payload as T);
  ipc.on(channel, handler);
  return () => {
    ipc.removeListener(channel, handler);
  };
}
