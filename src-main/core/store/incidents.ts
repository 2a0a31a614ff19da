/**
 * Incidents: runs of a "down" state, read from the state-change events the service writes
 * (so a long range never scans raw samples). The first and last error come from raw samples
 * when they are still kept (a few bounded index seeks per incident).
 */
import type { FailureClass } from '../classify/failure-classes.ts';
import type { EventsRepo, StoredEvent } from './events-repo.ts';
import type { SampleReader } from './sample-reader.ts';
import type { StoredSample } from './sample.ts';

/** The event type whose `toState` drives incidents. */
export const STATE_CHANGE = 'state-change';
/** States that count as an incident unless the caller says otherwise. */
export const DEFAULT_DOWN_STATES: readonly string[] = ['down'];
/** How far before the down event to look for the failure run's first error (the service needs a few failures before it declares "down"). */
const LOOKBACK_MS = 3_600_000;

export interface IncidentError {
  readonly ts: number;
  readonly failureClass: FailureClass | undefined;
  readonly code: string | undefined;
  readonly errno: number | undefined;
  readonly address: string | undefined;
}

export interface Incident {
  /** When the state went down (the event's time). */
  readonly startMs: number;
  /** When it left the down state; null while still down. */
  readonly endMs: number | null;
  /** Until `endMs`; while still down, until now (or the end of the range if earlier). */
  readonly durationMs: number;
  /** The class the down event named, else the first error's. */
  readonly failureClass: FailureClass | undefined;
  readonly firstError: IncidentError | undefined;
  readonly lastError: IncidentError | undefined;
}

export interface IncidentSources {
  readonly events: EventsRepo;
  readonly samples: SampleReader;
  readonly now: () => number;
}

/**
 * Incidents overlapping [fromMs, toMs), oldest first, each with its full extent: one under way
 * at `fromMs` starts before it, one still down at `toMs` ends after it (or is open, `endMs` null).
 */
export function queryIncidents(
  sources: IncidentSources, endpointId: number, fromMs: number, toMs: number, downStates: readonly string[] = DEFAULT_DOWN_STATES,
): Incident[] {
  const isDown = (event: StoredEvent | undefined): boolean => event?.toState !== undefined && downStates.includes(event.toState);
  const incidents: Incident[] = [];
  const prior = sources.events.lastBefore(endpointId, STATE_CHANGE, fromMs);
  let open: StoredEvent | undefined = isDown(prior) ? prior : undefined;
  const changes = sources.events.range(endpointId, fromMs, toMs, { types: [STATE_CHANGE], limit: 1_000_000 });
  for (const event of changes) {
    if (!open && isDown(event)) open = event;
    else if (open && !isDown(event)) {
      incidents.push(build(sources, endpointId, open, event.ts, toMs));
      open = undefined;
    }
  }
  if (open) {
    // Still down at the end of the range: it may have ended since.
    const end = sources.events.nextLeaving(endpointId, STATE_CHANGE, toMs, downStates);
    incidents.push(build(sources, endpointId, open, end?.ts ?? null, toMs));
  }
  return incidents;
}

function build(sources: IncidentSources, endpointId: number, down: StoredEvent, endMs: number | null, toMs: number): Incident {
  const until = endMs ?? Math.min(toMs, sources.now());
  // The run of failures began after the last ok sample before the down event.
  const lastOk = sources.samples.lastOk(endpointId, down.ts - LOOKBACK_MS, down.ts);
  const runStart = lastOk === undefined ? down.ts - LOOKBACK_MS : lastOk + 1;
  const first = sources.samples.firstFailure(endpointId, runStart, until);
  const last = sources.samples.lastFailure(endpointId, runStart, until);
  return {
    startMs: down.ts,
    endMs,
    durationMs: Math.max(0, until - down.ts),
    failureClass: down.failureClass ?? first?.failureClass,
    firstError: first && errorOf(first),
    lastError: last && errorOf(last),
  };
}

function errorOf(sample: StoredSample): IncidentError {
  return { ts: sample.ts, failureClass: sample.failureClass, code: sample.code, errno: sample.errno, address: sample.address };
}
