/**
 * Stable small-integer codes for what the samples table stores compactly. These numbers are
 * persisted: never renumber an entry, only append new ones.
 */
import type { FailureClass } from '../classify/failure-classes.ts';

/** What produced a sample: a probe kind, or a heartbeat session's tick. */
export type SampleKind = 'tcp' | 'udp' | 'heartbeat';

export const KIND_CODES: Readonly<Record<SampleKind, number>> = { tcp: 0, udp: 1, heartbeat: 2 };

export const FAILURE_CLASS_CODES: Readonly<Record<FailureClass, number>> = {
  refused: 1,
  timeout: 2,
  'host-unreachable': 3,
  'net-unreachable': 4,
  'permission-denied': 5,
  'local-address': 6,
  reset: 7,
  'broken-pipe': 8,
  'peer-closed': 9,
  'half-open': 10,
  dns: 11,
  protocol: 12,
  'invalid-target': 13,
  other: 14,
};

/** One past the largest failure class code: the size of a dense per-class counter. */
export const FAILURE_CODE_LIMIT = 16;

const KIND_BY_CODE = invert(KIND_CODES);
const CLASS_BY_CODE = invert(FAILURE_CLASS_CODES);

export function kindFromCode(code: number): SampleKind {
  const kind = KIND_BY_CODE.get(code);
  if (kind === undefined) throw new Error(`Unknown sample kind code ${code} in the database.`);
  return kind;
}

/** The class for a stored code; an unknown code (written by a newer version) reads as `other`. */
export function classFromCode(code: number): FailureClass {
  return CLASS_BY_CODE.get(code) ?? 'other';
}

/**
 * The `flags` column packs small facts into one byte (SQLite stores 0..127 in a single byte):
 * bit 0 ok, bit 1 inconclusive, bits 2-3 kind, bits 4-5 SYN retransmits (saturating at 3),
 * bit 6 "latency equals the connect phase" (TCP: the latency column is then left NULL).
 */
export const FLAG_OK = 1;
export const FLAG_INCONCLUSIVE = 2;
const KIND_SHIFT = 2;
const SYN_SHIFT = 4;
export const FLAG_LATENCY_IS_CONNECT = 64;
export const MAX_STORED_SYN_RETRANSMITS = 3;

export interface FlagFields {
  readonly ok: boolean;
  readonly inconclusive: boolean;
  readonly kind: SampleKind;
  readonly synRetransmits: number;
  readonly latencyIsConnect: boolean;
}

export function packFlags(fields: FlagFields): number {
  const syn = Math.min(MAX_STORED_SYN_RETRANSMITS, Math.max(0, Math.trunc(fields.synRetransmits) || 0));
  const kind: number | undefined = KIND_CODES[fields.kind];
  if (kind === undefined) throw new TypeError(`Unknown sample kind "${String(fields.kind)}".`);
  return (fields.ok ? FLAG_OK : 0)
    | (fields.inconclusive ? FLAG_INCONCLUSIVE : 0)
    | (kind << KIND_SHIFT)
    | (syn << SYN_SHIFT)
    | (fields.latencyIsConnect ? FLAG_LATENCY_IS_CONNECT : 0);
}

export function unpackFlags(flags: number): FlagFields {
  return {
    ok: (flags & FLAG_OK) !== 0,
    inconclusive: (flags & FLAG_INCONCLUSIVE) !== 0,
    kind: kindFromCode((flags >> KIND_SHIFT) & 3),
    synRetransmits: (flags >> SYN_SHIFT) & 3,
    latencyIsConnect: (flags & FLAG_LATENCY_IS_CONNECT) !== 0,
  };
}

function invert<K extends string>(record: Readonly<Record<K, number>>): Map<number, K> {
  return new Map(Object.entries(record).map(([key, value]) => [value as number, key as K]));
}
