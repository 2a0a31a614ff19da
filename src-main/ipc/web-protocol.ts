/**
 * The web mode's wire protocol: the contract of `contract.ts` carried as JSON text frames
 * over one WebSocket at `/api`. Types only (plus literal close codes), so the browser bridge
 * can import it without pulling in any server code.
 *
 * - client → server: `{ "id": 7, "op": "addEndpoint", "args": [{ … }] }` — `id` a positive
 *   safe integer chosen by the client, `op` an operation name, `args` the argument tuple.
 * - server → client: `{ "id": 7, "result": { "ok": true, "value": … } }` or
 *   `{ "id": 7, "result": { "ok": false, "code": "VALIDATION", "message": "…", "field": "port" } }`.
 *   Replies may arrive in any order; the id pairs them with calls.
 * - server push: `{ "push": "update", "payload": UpdateBatchDto }` (≤ 10 per second).
 *
 * A frame that is not JSON, not an object or has no valid id cannot be answered: the server
 * closes the socket with one of `WS_CLOSE` and a reason. Anything else wrong (unknown op, bad
 * arguments) is answered with an `ApiError`, like over IPC.
 */
import type { ApiResult } from './contract.ts';
import type { UpdateBatchDto } from './dto.ts';

/** One call from the client. */
export interface WebCall {
  readonly id: number;
  readonly op: string;
  readonly args: readonly unknown[];
}

/** The answer to the call with the same id. */
export interface WebReply {
  readonly id: number;
  readonly result: ApiResult<unknown>;
}

/** A push from the service. */
export interface WebPush {
  readonly push: 'update';
  readonly payload: UpdateBatchDto;
}

export type WebServerMessage = WebReply | WebPush;

/** Path of the WebSocket endpoint, relative to the page's origin. */
export type WebApiPath = '/api';

/**
 * Close codes the server uses (RFC 6455 §7.4.1): 1001 server stopping, 1003 binary frame,
 * 1007 not JSON, 1008 malformed call or too many clients, 1009 frame too large, 1013 client
 * too slow to keep up with pushes.
 */
export const WS_CLOSE = {
  goingAway: 1001,
  unsupportedData: 1003,
  invalidPayload: 1007,
  policyViolation: 1008,
  messageTooBig: 1009,
  tryAgainLater: 1013,
} as const;
