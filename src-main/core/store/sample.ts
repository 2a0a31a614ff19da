/**
 * The stored sample: what one probe attempt (or heartbeat tick) leaves in the database, and
 * its compact row form (integer microseconds, packed flags, small codes).
 */
import type { FailureClass } from '../classify/failure-classes.ts';
import type { ProbeOutcome } from '../probe/types.ts';
import { classFromCode, FAILURE_CLASS_CODES, packFlags, unpackFlags, type SampleKind } from './codes.ts';

export interface SamplePhases {
  readonly dns?: number;
  readonly connect?: number;
  readonly firstByte?: number;
}

export interface StoredSample {
  readonly endpointId: number;
  /** Wall clock at the start of the attempt, ms since the epoch. */
  readonly ts: number;
  readonly kind: SampleKind;
  readonly ok: boolean;
  /** The headline latency in ms (ok samples). Stored to the microsecond. */
  readonly latencyMs?: number;
  /** Phase timings in ms, stored to the microsecond. */
  readonly phases: SamplePhases;
  readonly failureClass?: FailureClass;
  /** The raw code (`ECONNREFUSED`, `TIMEOUT`…). */
  readonly code?: string;
  readonly errno?: number;
  readonly address?: string;
  /** Says nothing about the endpoint (e.g. the local network was down): left out of uptime. */
  readonly inconclusive: boolean;
  /** Lost SYNs suggested by the connect time; stored saturating at 3. @default 0 */
  readonly synRetransmits?: number;
}

/** The sample an outcome leaves; `inconclusive` is the caller's verdict (the store cannot know). */
export function sampleFromOutcome(endpointId: number, outcome: ProbeOutcome, inconclusive: boolean): StoredSample {
  const phases: { dns?: number; connect?: number; firstByte?: number } = { dns: outcome.phases.dns };
  if (outcome.phases.connect !== undefined) phases.connect = outcome.phases.connect;
  if (outcome.phases.firstByte !== undefined) phases.firstByte = outcome.phases.firstByte;
  const base = { endpointId, ts: outcome.startedAt, kind: outcome.kind, phases, inconclusive };
  const address = outcome.address === undefined ? {} : { address: outcome.address };
  if (outcome.ok) {
    return { ...base, ...address, ok: true, latencyMs: outcome.latencyMs, synRetransmits: outcome.synRetransmits };
  }
  const { failure } = outcome;
  const errno = failure.errno === undefined ? {} : { errno: failure.errno };
  return { ...base, ...address, ...errno, ok: false, failureClass: failure.class, code: failure.code };
}

/** The columns of one samples row, in table order after the key. */
export interface SampleRow {
  readonly endpoint_id: number;
  readonly ts: number;
  readonly seq: number;
  readonly flags: number;
  readonly latency: number | null;
  readonly dns: number | null;
  readonly connect: number | null;
  readonly first_byte: number | null;
  readonly class: number | null;
  readonly code: number | null;
  readonly errno: number | null;
  readonly address: number | null;
}

export function toMicros(ms: number | undefined): number | null {
  if (ms === undefined || !Number.isFinite(ms)) return null;
  return Math.max(0, Math.round(ms * 1000));
}

function fromMicros(us: number | null): number | undefined {
  return us === null ? undefined : us / 1000;
}

/** The latency in µs a sample contributes to rollups (ok samples only). */
export function latencyMicros(sample: StoredSample): number | undefined {
  return sample.ok ? toMicros(sample.latencyMs) ?? undefined : undefined;
}

/** Encodes a sample; `intern` turns a string (address, code) into its id in the strings table. */
export function encodeSample(sample: StoredSample, seq: number, intern: (value: string) => number): SampleRow {
  if (!Number.isSafeInteger(sample.endpointId)) throw new TypeError(`Sample endpointId must be an integer, got ${sample.endpointId}.`);
  if (!Number.isFinite(sample.ts)) throw new TypeError(`Sample ts must be a finite number, got ${sample.ts}.`);
  if (sample.failureClass !== undefined && FAILURE_CLASS_CODES[sample.failureClass] === undefined) {
    throw new TypeError(`Unknown failure class "${sample.failureClass}".`);
  }
  const latency = toMicros(sample.latencyMs);
  const connect = toMicros(sample.phases.connect);
  const latencyIsConnect = latency !== null && latency === connect;
  return {
    endpoint_id: sample.endpointId,
    ts: Math.round(sample.ts),
    seq,
    flags: packFlags({
      ok: sample.ok,
      inconclusive: sample.inconclusive,
      kind: sample.kind,
      synRetransmits: sample.synRetransmits ?? 0,
      latencyIsConnect,
    }),
    latency: latencyIsConnect ? null : latency,
    dns: toMicros(sample.phases.dns),
    connect,
    first_byte: toMicros(sample.phases.firstByte),
    class: sample.failureClass === undefined ? null : FAILURE_CLASS_CODES[sample.failureClass],
    code: sample.code === undefined ? null : intern(sample.code),
    errno: sample.errno ?? null,
    address: sample.address === undefined ? null : intern(sample.address),
  };
}

export function decodeSample(row: SampleRow, lookup: (id: number) => string | undefined): StoredSample {
  const flags = unpackFlags(row.flags);
  const phases: { dns?: number; connect?: number; firstByte?: number } = {};
  const dns = fromMicros(row.dns);
  const connect = fromMicros(row.connect);
  const firstByte = fromMicros(row.first_byte);
  if (dns !== undefined) phases.dns = dns;
  if (connect !== undefined) phases.connect = connect;
  if (firstByte !== undefined) phases.firstByte = firstByte;
  const sample: {
    -readonly [K in keyof StoredSample]: StoredSample[K];
  } = { endpointId: row.endpoint_id, ts: row.ts, kind: flags.kind, ok: flags.ok, phases, inconclusive: flags.inconclusive };
  const latency = flags.latencyIsConnect ? connect : fromMicros(row.latency);
  if (latency !== undefined) sample.latencyMs = latency;
  if (row.class !== null) sample.failureClass = classFromCode(row.class);
  const code = row.code === null ? undefined : lookup(row.code);
  if (code !== undefined) sample.code = code;
  if (row.errno !== null) sample.errno = row.errno;
  const address = row.address === null ? undefined : lookup(row.address);
  if (address !== undefined) sample.address = address;
  if (flags.synRetransmits > 0) sample.synRetransmits = flags.synRetransmits;
  return sample;
}
