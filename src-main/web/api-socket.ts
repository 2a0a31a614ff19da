/**
 * One WebSocket client of `/api`: calls validated and run through `dispatch` (exactly as
 * over Electron IPC), replies paired by id, and the service's update pushes for as long as
 * the socket is open. The protocol is described in `src-main/ipc/web-protocol.ts`.
 */
import type { RawData, WebSocket } from 'ws';
import type { ServiceOperations } from '../ipc/contract.ts';
import { dispatch, errorResult } from '../ipc/dispatch.ts';
import type { UpdateBatchDto } from '../ipc/dto.ts';
import { WS_CLOSE, type WebPush, type WebReply } from '../ipc/web-protocol.ts';

/** What the web server needs of the monitor service (`MonitorService` is one). */
export interface WebService extends ServiceOperations {
  subscribe(listener: (batch: UpdateBatchDto) => void): () => void;
}

export interface ApiSocketOptions {
  /**
   * Bytes queued for a client beyond which it is dropped (1013) instead of buffering
   * pushes without bound. @default 16 MiB
   */
  readonly maxBufferedBytes?: number;
}

type ParsedFrame = { readonly id: number; readonly op: unknown; readonly args: unknown } | { readonly close: number; readonly reason: string };

/** Serves the contract on `socket` until it closes. */
export function serveApiSocket(socket: WebSocket, service: WebService, options: ApiSocketOptions = {}): void {
  const maxBuffered = options.maxBufferedBytes ?? 16 * 1024 * 1024;
  const send = (message: WebReply | WebPush): void => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > maxBuffered) {
      socket.close(WS_CLOSE.tryAgainLater, 'client too slow');
      return;
    }
    let text: string;
    try {
      text = JSON.stringify(message);
    } catch {
      // Only a service bug (a non-JSON value) gets here; the call still gets an answer.
      text = 'id' in message ? JSON.stringify({ id: message.id, result: errorResult(new Error('unserialisable result')) }) : '';
    }
    if (text !== '') socket.send(text);
  };

  const unsubscribe = service.subscribe((payload) => send({ push: 'update', payload }));
  socket.on('close', unsubscribe);
  // ws reports protocol errors (oversized or invalid frames) here and then closes the socket.
  socket.on('error', () => {});

  socket.on('message', (data: RawData, isBinary: boolean) => {
    if (isBinary) {
      socket.close(WS_CLOSE.unsupportedData, 'text frames only');
      return;
    }
    const frame = parseFrame(data.toString());
    if ('close' in frame) {
      socket.close(frame.close, frame.reason);
      return;
    }
    void dispatch(service, frame.op, frame.args)
      .catch((error: unknown) => errorResult(error))
      .then((result) => send({ id: frame.id, result }));
  });
}

/** Decodes one frame; a call that cannot be answered (no id) yields a close code instead. */
export function parseFrame(text: string): ParsedFrame {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { close: WS_CLOSE.invalidPayload, reason: 'frame is not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { close: WS_CLOSE.policyViolation, reason: 'a call must be an object {id, op, args}' };
  }
  const { id, op, args } = value as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) {
    return { close: WS_CLOSE.policyViolation, reason: 'a call needs an id (a positive integer)' };
  }
  return { id, op, args };
}
