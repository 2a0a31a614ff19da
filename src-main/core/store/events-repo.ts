/** Events: state transitions, heartbeat losses and other facts the service records as they happen. */
import type { DatabaseSync, SQLOutputValue, StatementSync } from 'node:sqlite';
import { FAILURE_CLASSES, type FailureClass } from '../classify/failure-classes.ts';

/** Known event types; the column is free text so the service can add more. */
export type EventType = 'state-change' | 'heartbeat-lost' | (string & {});

export interface NewEvent {
  readonly endpointId: number;
  /** ms since the epoch */
  readonly ts: number;
  readonly type: EventType;
  readonly fromState?: string;
  readonly toState?: string;
  readonly failureClass?: FailureClass;
  /** Evidence (codes, addresses, counts), stored as JSON. */
  readonly details?: unknown;
}

export interface StoredEvent extends NewEvent {
  readonly id: number;
}

export interface EventQuery {
  /** Only these types. */
  readonly types?: readonly EventType[];
  /** At most this many, the latest ones. @default 10000 */
  readonly limit?: number;
}

/** Binds the type list (JSON array, or NULL for all types) twice. */
const TYPE_FILTER = '(? IS NULL OR type IN (SELECT value FROM json_each(?)))';

export class EventsRepo {
  private readonly insertRow: StatementSync;
  private readonly selectRange: StatementSync;
  private readonly selectAllRange: StatementSync;
  private readonly selectBefore: StatementSync;
  private readonly selectNextLeaving: StatementSync;

  constructor(db: DatabaseSync) {
    const columns = 'id, endpoint_id, ts, type, from_state, to_state, failure_class, details';
    this.insertRow = db.prepare(
      'INSERT INTO events (endpoint_id, ts, type, from_state, to_state, failure_class, details) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    // Latest first under the limit, returned oldest first.
    this.selectRange = db.prepare(
      `SELECT * FROM (SELECT ${columns} FROM events WHERE endpoint_id = ? AND ts >= ? AND ts < ? AND ${TYPE_FILTER} ORDER BY ts DESC, id DESC LIMIT ?) ORDER BY ts, id`,
    );
    this.selectAllRange = db.prepare(
      `SELECT * FROM (SELECT ${columns} FROM events WHERE ts >= ? AND ts < ? AND ${TYPE_FILTER} ORDER BY ts DESC, id DESC LIMIT ?) ORDER BY ts, id`,
    );
    this.selectBefore = db.prepare(
      `SELECT ${columns} FROM events WHERE endpoint_id = ? AND type = ? AND ts < ? ORDER BY ts DESC, id DESC LIMIT 1`,
    );
    this.selectNextLeaving = db.prepare(
      `SELECT ${columns} FROM events WHERE endpoint_id = ? AND type = ? AND ts >= ?
         AND (to_state IS NULL OR to_state NOT IN (SELECT value FROM json_each(?))) ORDER BY ts, id LIMIT 1`,
    );
  }

  insert(event: NewEvent): StoredEvent {
    const details = event.details === undefined ? null : JSON.stringify(event.details);
    const result = this.insertRow.run(
      event.endpointId, Math.round(event.ts), event.type, event.fromState ?? null, event.toState ?? null,
      event.failureClass ?? null, details ?? null,
    );
    return { ...event, id: Number(result.lastInsertRowid) };
  }

  /** Events in [fromMs, toMs), oldest first; all endpoints when `endpointId` is undefined. */
  range(endpointId: number | undefined, fromMs: number, toMs: number, query: EventQuery = {}): StoredEvent[] {
    const limit = query.limit ?? 10_000;
    const types = query.types ? JSON.stringify(query.types) : null;
    const rows = endpointId === undefined
      ? this.selectAllRange.all(fromMs, toMs, types, types, limit)
      : this.selectRange.all(endpointId, fromMs, toMs, types, types, limit);
    return rows.map(toEvent);
  }

  /** The last event of a type strictly before `ts` (the state in force at the start of a range). */
  lastBefore(endpointId: number, type: EventType, ts: number): StoredEvent | undefined {
    const row = this.selectBefore.get(endpointId, type, ts);
    return row ? toEvent(row) : undefined;
  }

  /** The first event of a type at or after `ts` whose `toState` is not one of `states` (the end of a run of those states). */
  nextLeaving(endpointId: number, type: EventType, ts: number, states: readonly string[]): StoredEvent | undefined {
    const row = this.selectNextLeaving.get(endpointId, type, ts, JSON.stringify(states));
    return row ? toEvent(row) : undefined;
  }
}

function toEvent(row: Record<string, SQLOutputValue>): StoredEvent {
  const event: { -readonly [K in keyof StoredEvent]: StoredEvent[K] } = {
    id: Number(row['id']),
    endpointId: Number(row['endpoint_id']),
    ts: Number(row['ts']),
    type: String(row['type']),
  };
  if (typeof row['from_state'] === 'string') event.fromState = row['from_state'];
  if (typeof row['to_state'] === 'string') event.toState = row['to_state'];
  const failureClass = FAILURE_CLASSES.find((c) => c === row['failure_class']);
  if (failureClass !== undefined) event.failureClass = failureClass;
  if (typeof row['details'] === 'string') event.details = JSON.parse(row['details']);
  return event;
}
