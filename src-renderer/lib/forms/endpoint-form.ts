/**
 * The endpoint form's model: what the inputs hold (strings, as typed), how that becomes an
 * endpoint input, and the field errors the endpoint schema finds in it. The form validates
 * with the very schema the service uses, so its messages are the service's.
 */
import { endpointInputSchema, type Endpoint, type EndpointInput, type EndpointKind } from '../../../src-main/core/endpoints/endpoint-schema.ts';
import { issuesOf } from '../../../src-main/core/endpoints/validation-error.ts';
import { numberOf } from './number-of.ts';

export interface EndpointFormValues {
  name: string;
  host: string;
  port: string;
  kind: EndpointKind;
  intervalMs: string;
  timeoutMs: string;
  family: 'auto' | '4' | '6';
  /** Comma-separated. */
  tags: string;
  sendEncoding: 'none' | 'text' | 'hex';
  sendValue: string;
  expectKind: 'none' | 'any' | 'string' | 'regex';
  expectValue: string;
  expectFlags: string;
  downAfter: string;
  recoverAfter: string;
  degradedLatencyMs: string;
  degradedAfter: string;
  /** `auto`: active when a payload is set, else passive (the schema's rule). */
  heartbeatMode: 'auto' | 'active' | 'passive';
  keepAliveMs: string;
  dependsOn: string;
  paused: boolean;
}

/** Field path (as the schema names it) → message. The empty path is the form as a whole. */
export type FieldErrors = Readonly<Record<string, string>>;

/** Values for a new endpoint, with the interval and timeout from the settings' defaults. */
export function emptyValues(defaults: { readonly intervalMs: number; readonly timeoutMs: number }): EndpointFormValues {
  return {
    name: '',
    host: '',
    port: '',
    kind: 'tcp',
    intervalMs: String(defaults.intervalMs),
    timeoutMs: String(defaults.timeoutMs),
    family: 'auto',
    tags: '',
    sendEncoding: 'none',
    sendValue: '',
    expectKind: 'none',
    expectValue: '',
    expectFlags: '',
    downAfter: '3',
    recoverAfter: '2',
    degradedLatencyMs: '',
    degradedAfter: '3',
    heartbeatMode: 'auto',
    keepAliveMs: '10000',
    dependsOn: '',
    paused: false,
  };
}

/** Values showing a saved endpoint. */
export function valuesOf(endpoint: Endpoint): EndpointFormValues {
  const expect = endpoint.expect;
  return {
    name: endpoint.name,
    host: endpoint.host.includes(':') ? `[${endpoint.host}]` : endpoint.host,
    port: String(endpoint.port),
    kind: endpoint.kind,
    intervalMs: String(endpoint.intervalMs),
    timeoutMs: String(endpoint.timeoutMs),
    family: endpoint.family === 'auto' ? 'auto' : endpoint.family === 4 ? '4' : '6',
    tags: endpoint.tags.join(', '),
    sendEncoding: endpoint.send?.encoding ?? 'none',
    sendValue: endpoint.send?.value ?? '',
    expectKind: expect?.kind ?? 'none',
    expectValue: expect?.kind === 'string' ? expect.value : expect?.kind === 'regex' ? expect.source : '',
    expectFlags: expect?.kind === 'regex' ? expect.flags : '',
    downAfter: String(endpoint.thresholds.downAfter),
    recoverAfter: String(endpoint.thresholds.recoverAfter),
    degradedLatencyMs: endpoint.thresholds.degradedLatencyMs === undefined ? '' : String(endpoint.thresholds.degradedLatencyMs),
    degradedAfter: String(endpoint.thresholds.degradedAfter),
    heartbeatMode: endpoint.heartbeat.mode ?? 'auto',
    keepAliveMs: String(endpoint.heartbeat.keepAliveMs),
    dependsOn: endpoint.dependsOn ?? '',
    paused: endpoint.paused,
  };
}

/**
 * The endpoint input the values describe. Numbers that do not parse stay strings so the
 * schema reports them ("must be a number"); empty optional fields are left out. Settings the
 * form does not show (per-class thresholds) are carried over from `base`.
 */
export function inputOf(values: EndpointFormValues, base?: Endpoint): EndpointInput {
  const thresholds = {
    downAfter: numberOf(values.downAfter),
    downAfterByClass: base?.thresholds.downAfterByClass ?? {},
    recoverAfter: numberOf(values.recoverAfter),
    degradedAfter: numberOf(values.degradedAfter),
    ...(values.degradedLatencyMs.trim() === '' ? {} : { degradedLatencyMs: numberOf(values.degradedLatencyMs) }),
  };
  const input = {
    name: values.name,
    host: values.host,
    port: numberOf(values.port),
    kind: values.kind,
    intervalMs: numberOf(values.intervalMs),
    timeoutMs: numberOf(values.timeoutMs),
    family: values.family === 'auto' ? 'auto' : Number(values.family),
    tags: values.tags.split(',').map((tag) => tag.trim()).filter((tag) => tag !== ''),
    thresholds,
    heartbeat: { ...(values.heartbeatMode === 'auto' ? {} : { mode: values.heartbeatMode }), keepAliveMs: numberOf(values.keepAliveMs) },
    paused: values.paused,
    ...(values.sendEncoding === 'none' ? {} : { send: { encoding: values.sendEncoding, value: values.sendEncoding === 'hex' ? values.sendValue.replace(/[\s:]/g, '') : values.sendValue } }),
    ...expectationOf(values),
    ...(values.dependsOn.trim() === '' ? {} : { dependsOn: values.dependsOn }),
  };
  // Deliberately unchecked: the schema is what says whether this is an endpoint.
  return input as EndpointInput;
}

/** Field errors of the values (first message per field); empty when valid. */
export function validateValues(values: EndpointFormValues, base?: Endpoint): FieldErrors {
  const input = inputOf(values, base);
  const parsed = endpointInputSchema.safeParse(input);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of issuesOf(parsed.error, input)) errors[issue.field] ??= issue.message;
  return errors;
}

/** The field the form shows an error under: nested payload errors belong to their input. */
export function formFieldOf(path: string): string {
  if (path.startsWith('send')) return 'send';
  if (path.startsWith('expect')) return 'expect';
  if (path.startsWith('heartbeat')) return 'heartbeat.keepAliveMs';
  return path;
}

function expectationOf(values: EndpointFormValues): { expect?: unknown } {
  switch (values.expectKind) {
    case 'none':
      return {};
    case 'any':
      return { expect: { kind: 'any' } };
    case 'string':
      return { expect: { kind: 'string', value: values.expectValue } };
    case 'regex':
      return { expect: { kind: 'regex', source: values.expectValue, flags: values.expectFlags } };
  }
}
