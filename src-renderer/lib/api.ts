/**
 * The renderer's only door to the service: the one module that touches `window.synack`.
 * In the desktop app the preload provides it; in web mode (no preload) this module installs
 * the WebSocket bridge to `/api` of the serving origin. Every call's `ApiResult` is unwrapped:
 * a value on success, a thrown `ApiFailure` (code, message, field) otherwise.
 */
import { OPERATION_NAMES } from '../../src-main/ipc/contract.ts';
import type { ApiErrorCode, ApiResult, OperationArgs, OperationName, OperationResults, SynackApi } from '../../src-main/ipc/contract.ts';
import type { NavigateDto, UpdateBatchDto } from '../../src-main/ipc/dto.ts';
import { createWebBridge, webApiUrl } from './web-bridge.ts';

/** A call the service refused or could not answer. */
export class ApiFailure extends Error {
  readonly code: ApiErrorCode;
  /** The offending field (e.g. `port`, `thresholds.downAfter`) when the service named one. */
  readonly field: string | undefined;

  constructor(code: ApiErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ApiFailure';
    this.code = code;
    this.field = field;
  }
}

/** The contract with results unwrapped, plus connection changes (web mode only). */
export type Api = {
  readonly [K in OperationName]: (...args: OperationArgs<K>) => Promise<OperationResults[K]>;
} & {
  readonly onUpdate: (listener: (batch: UpdateBatchDto) => void) => () => void;
  /** Told `false` when the link to the service drops and `true` when it is back (snapshots must be reloaded). */
  readonly onConnectionChange: (listener: (connected: boolean) => void) => () => void;
  /** Desktop: the shell asks to show an endpoint (null: the overview), e.g. after a notification click; never in web mode. */
  readonly onNavigate: (listener: (target: NavigateDto) => void) => () => void;
};

/** Turns a result into its value, or throws its error as an `ApiFailure`. */
export function unwrap<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value;
  throw new ApiFailure(result.code, result.message, result.field);
}

/**
 * Wraps a raw `SynackApi`. `subscribeConnection` lets the web bridge report its socket's state;
 * the desktop preload has no such notion (IPC does not drop).
 */
export function createApi(raw: SynackApi, subscribeConnection?: (listener: (connected: boolean) => void) => () => void): Api {
  const api: Record<string, unknown> = {};
  for (const name of OPERATION_NAMES) {
    const operation = raw[name] as (...args: unknown[]) => Promise<ApiResult<unknown>>;
    api[name] = async (...args: unknown[]) => unwrap(await operation.apply(raw, args));
  }
  api['onUpdate'] = (listener: (batch: UpdateBatchDto) => void) => raw.onUpdate(listener);
  api['onConnectionChange'] = subscribeConnection ?? (() => () => {});
  api['onNavigate'] = (listener: (target: NavigateDto) => void) => raw.onNavigate?.(listener) ?? (() => {});
  return api as Api;
}

let installed: Api | undefined;

/** The app's API: `window.synack` when a preload provides it, else the web bridge (created once). */
export function getApi(): Api {
  if (installed) return installed;
  const provided = (window as Window & { synack?: SynackApi }).synack;
  if (provided) {
    installed = createApi(provided);
    return installed;
  }
  const listeners = new Set<(connected: boolean) => void>();
  const bridge = createWebBridge(webApiUrl(location), {
    onConnectionChange: (connected) => {
      for (const listener of listeners) listener(connected);
    },
  });
  installed = createApi(bridge, (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  });
  return installed;
}

/** A user-facing sentence for any error thrown by a call. */
export function describeError(error: unknown): string {
  if (error instanceof ApiFailure) return error.code === 'UNAVAILABLE' ? `Synack is unreachable: ${error.message}` : error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
