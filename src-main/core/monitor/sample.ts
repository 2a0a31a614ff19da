/** Converts probe outcomes to the sample shape everything downstream shares. */
import type { EndpointKind } from '../endpoints/endpoint-schema.ts';
import type { ProbeOutcome } from '../probe/types.ts';
import type { SampleDto } from '../../ipc/dto.ts';

export function sampleFromOutcome(endpointId: number, kind: EndpointKind, outcome: ProbeOutcome, inconclusive: boolean): SampleDto {
  const base = {
    endpointId,
    ts: outcome.startedAt,
    kind,
    phases: outcome.phases,
    ...(outcome.address === undefined ? {} : { address: outcome.address }),
  };
  if (outcome.ok) {
    return { ...base, ok: true, latencyMs: outcome.latencyMs, synRetransmits: outcome.synRetransmits, inconclusive: false };
  }
  const { failure } = outcome;
  return {
    ...base,
    ok: false,
    failureClass: failure.class,
    code: failure.code,
    phase: failure.phase,
    message: failure.message,
    hint: failure.hint,
    ...(failure.errno === undefined ? {} : { errno: failure.errno }),
    inconclusive,
  };
}
