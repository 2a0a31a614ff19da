import { describe, expect, it } from 'vitest';
import { emptyValues, formFieldOf, inputOf, validateValues, valuesOf, type EndpointFormValues } from '../../../../src-renderer/lib/forms/endpoint-form.ts';
import { endpoint } from '../../support/fake-api.ts';

const defaults = { intervalMs: 5000, timeoutMs: 2000 };

function values(overrides: Partial<EndpointFormValues>): EndpointFormValues {
  return { ...emptyValues(defaults), name: 'web', host: 'example.test', port: '443', ...overrides };
}

describe('endpoint form model', () => {
  it('accepts a minimal endpoint and builds the input the service takes', () => {
    const form = values({ tags: ' prod, , eu ', intervalMs: '1000', timeoutMs: '500' });
    expect(validateValues(form)).toEqual({});
    expect(inputOf(form)).toMatchObject({ name: 'web', host: 'example.test', port: 443, intervalMs: 1000, timeoutMs: 500, tags: ['prod', 'eu'], family: 'auto' });
  });

  it.each([
    [{ port: '' }, 'port', 'is required'],
    [{ port: 'http' }, 'port', 'must be a number'],
    [{ port: '70000' }, 'port', 'must be between 1 and 65535'],
    [{ port: '80.5' }, 'port', 'must be a whole number'],
    [{ host: 'bad host' }, 'host', 'must be a host name, an IPv4 address or an IPv6 address'],
    [{ host: '' }, 'host', 'is required'],
    [{ name: '  ' }, 'name', 'is required'],
    [{ intervalMs: '100' }, 'intervalMs', 'must be at least 250 ms'],
    [{ intervalMs: '1000', timeoutMs: '1000' }, 'timeoutMs', 'must be shorter than the interval'],
    [{ sendEncoding: 'hex', sendValue: 'zz' }, 'send.value', 'must be pairs of hex digits'],
    [{ expectKind: 'regex', expectValue: '(' }, 'expect.source', 'is not a valid regular expression'],
    [{ dependsOn: 'web' }, 'dependsOn', 'an endpoint cannot depend on itself'],
  ] as [Partial<EndpointFormValues>, string, string][])('%j is refused at %s with the schema message', (patch, field, message) => {
    expect(validateValues(values(patch))[field]).toBe(message);
  });

  it('reads hex payloads with spaces and colons, and regex expectations with flags', () => {
    const input = inputOf(values({ sendEncoding: 'hex', sendValue: '48 45:4c', expectKind: 'regex', expectValue: '^OK', expectFlags: 'i' }));
    expect(input.send).toEqual({ encoding: 'hex', value: '48454c' });
    expect(input.expect).toEqual({ kind: 'regex', source: '^OK', flags: 'i' });
  });

  it('round-trips a saved endpoint, keeping per-class thresholds the form does not show', () => {
    const saved = endpoint({ host: '::1', tags: ['a', 'b'], family: 6, thresholds: { downAfter: 2, downAfterByClass: { refused: 1 }, recoverAfter: 4, degradedAfter: 3, degradedLatencyMs: 250 } });
    const form = valuesOf(saved);
    expect(form.host).toBe('[::1]');
    expect(form.tags).toBe('a, b');
    expect(validateValues(form, saved)).toEqual({});
    expect(inputOf(form, saved)).toMatchObject({ host: '[::1]', family: 6, thresholds: { downAfter: 2, downAfterByClass: { refused: 1 }, recoverAfter: 4, degradedLatencyMs: 250 } });
  });

  it('maps nested schema paths to the input that shows them', () => {
    expect(formFieldOf('send.value')).toBe('send');
    expect(formFieldOf('expect.source')).toBe('expect');
    expect(formFieldOf('thresholds.downAfter')).toBe('thresholds.downAfter');
    expect(formFieldOf('heartbeat.keepAliveMs')).toBe('heartbeat.keepAliveMs');
  });
});

describe('heartbeat endpoints in the form', () => {
  it('leaves the mode to the schema by default and needs a payload for an active heartbeat', () => {
    expect(inputOf(values({ kind: 'heartbeat' })).heartbeat).toEqual({ keepAliveMs: 10_000 });
    expect(validateValues(values({ kind: 'heartbeat' }))).toEqual({});
    expect(validateValues(values({ kind: 'heartbeat', heartbeatMode: 'active' }))['send']).toMatch(/^is required for an active heartbeat/);
    expect(validateValues(values({ kind: 'heartbeat', heartbeatMode: 'active', sendEncoding: 'text', sendValue: 'PING\n' }))).toEqual({});
  });
});
