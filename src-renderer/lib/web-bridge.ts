/**
 * `window.synack` for web mode: the full contract over the `/api` WebSocket of `synack
 * serve` (protocol in `src-main/ipc/web-protocol.ts`). Runs in the browser: no `node:`
 * imports, no framework, and only types from `src-main/ipc`.
 *
 * - Calls made while the socket is (re)connecting wait and go out once it opens.
 * - Calls already sent when the connection drops resolve to `UNAVAILABLE`: whether the server
 *   ran them is unknown, so they are not replayed (adding an endpoint twice would be wrong).
 * - The socket reconnects with exponential backoff and jitter; `onConnectionChange` tells the
 *   app, which should reload its snapshot (pushes sent while disconnected are lost).
 */
import type { ApiError, ApiResult, OperationName, OperationResults, SynackApi } from '../../src-main/ipc/contract.ts';
import type { UpdateBatchDto } from '../../src-main/ipc/dto.ts';
import type { WebCall, WebServerMessage } from '../../src-main/ipc/web-protocol.ts';

export interface WebBridgeOptions {
  /** Opens the socket; tests in Node pass one that adds headers. @default `new WebSocket(url)` */
  readonly createSocket?: (url: string) => WebSocket;
  /** First reconnect delay. @default 250 */
  readonly initialBackoffMs?: number;
  /** Longest reconnect delay. @default 10_000 */
  readonly maxBackoffMs?: number;
  /** Told when the socket opens (true) or drops (false). */
  readonly onConnectionChange?: (connected: boolean) => void;
}

/** The contract, plus `close()` to stop reconnecting and release the socket. */
export type WebBridge = SynackApi & { close(): void };

/** `ws://host:port/api` for the page's own origin. */
export function webApiUrl(location: { readonly host: string; readonly protocol: string } = globalThis.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/api`;
}

interface Pending {
  readonly resolve: (result: ApiResult<unknown>) => void;
  readonly frame: string;
  sent: boolean;
}

/** Creates the bridge and starts connecting to `url`. */
export function createWebBridge(url: string, options: WebBridgeOptions = {}): WebBridge {
  const openSocket = options.createSocket ?? ((target: string) => new WebSocket(target));
  const initialBackoff = options.initialBackoffMs ?? 250;
  const maxBackoff = options.maxBackoffMs ?? 10_000;
  const pending = new Map<number, Pending>();
  const listeners = new Set<(batch: UpdateBatchDto) => void>();
  let nextId = 1;
  let socket: WebSocket | undefined;
  let open = false;
  let closed = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const connect = (): void => {
    retryTimer = undefined;
    if (closed) return;
    const current = openSocket(url);
    socket = current;
    current.onopen = () => {
      open = true;
      attempt = 0;
      options.onConnectionChange?.(true);
      for (const call of pending.values()) {
        if (!call.sent) {
          current.send(call.frame);
          call.sent = true;
        }
      }
    };
    current.onmessage = (event: MessageEvent) => {
      if (typeof event.data === 'string') receive(event.data);
    };
    current.onclose = () => {
      if (socket !== current) return;
      const wasOpen = open;
      open = false;
      socket = undefined;
      for (const [id, call] of pending) {
        if (!call.sent) continue;
        pending.delete(id);
        call.resolve(unavailable('connection to synack lost before the answer'));
      }
      if (wasOpen) options.onConnectionChange?.(false);
      if (closed) return;
      const delay = Math.min(maxBackoff, initialBackoff * 2 ** attempt);
      attempt += 1;
      retryTimer = setTimeout(connect, delay / 2 + Math.random() * (delay / 2));
    };
  };

  const receive = (text: string): void => {
    let message: WebServerMessage;
    try {
      message = JSON.parse(text) as WebServerMessage;
    } catch {
      return;
    }
    if ('push' in message) {
      if (message.push !== 'update') return;
      for (const listener of listeners) {
        try {
          listener(message.payload);
        } catch (error) {
          // A failing listener must not silence the others; the page's console shows it.
          console.error(error);
        }
      }
      return;
    }
    const call = pending.get(message.id);
    if (!call) return;
    pending.delete(message.id);
    call.resolve(message.result);
  };

  const call = <K extends OperationName>(op: K, args: readonly unknown[]): Promise<ApiResult<OperationResults[K]>> => {
    if (closed) return Promise.resolve(unavailable('the bridge is closed'));
    const id = nextId++;
    const frame: WebCall = { id, op, args };
    return new Promise((resolve) => {
      const entry: Pending = { resolve: resolve as (result: ApiResult<unknown>) => void, frame: JSON.stringify(frame), sent: false };
      pending.set(id, entry);
      // Only an open socket: a closing one would swallow the frame and answer nothing.
      if (open && socket?.readyState === WebSocket.OPEN) {
        socket.send(entry.frame);
        entry.sent = true;
      }
    });
  };

  const api = {
    overview: (...args) => call('overview', args),
    listEndpoints: (...args) => call('listEndpoints', args),
    addEndpoint: (...args) => call('addEndpoint', args),
    updateEndpoint: (...args) => call('updateEndpoint', args),
    removeEndpoint: (...args) => call('removeEndpoint', args),
    probeNow: (...args) => call('probeNow', args),
    pauseEndpoint: (...args) => call('pauseEndpoint', args),
    resumeEndpoint: (...args) => call('resumeEndpoint', args),
    pauseAll: (...args) => call('pauseAll', args),
    resumeAll: (...args) => call('resumeAll', args),
    series: (...args) => call('series', args),
    summary: (...args) => call('summary', args),
    events: (...args) => call('events', args),
    getSettings: (...args) => call('getSettings', args),
    updateSettings: (...args) => call('updateSettings', args),
    importEndpoints: (...args) => call('importEndpoints', args),
    exportEndpoints: (...args) => call('exportEndpoints', args),
    exportReport: (...args) => call('exportReport', args),
    onUpdate: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  } satisfies SynackApi;

  connect();
  return {
    ...api,
    close() {
      if (closed) return;
      closed = true;
      clearTimeout(retryTimer);
      for (const [id, entry] of pending) {
        pending.delete(id);
        entry.resolve(unavailable('the bridge is closed'));
      }
      socket?.close(1000, 'bridge closed');
      listeners.clear();
    },
  };
}

function unavailable(message: string): ApiError {
  return { ok: false, code: 'UNAVAILABLE', message };
}
