import { describe, expect, it } from 'vitest';
import { endpointInputSchema } from '../../../src-main/core/endpoints/endpoint-schema.ts';
import { parseOrThrow, ValidationError } from '../../../src-main/core/endpoints/validation-error.ts';

const valid = { name: 'web', host: 'example.test', port: 443 };

describe('endpoint schema', () => {
  it('fills defaults for a minimal endpoint', () => {
    expect(parseOrThrow(endpointInputSchema, valid)).toMatchObject({
      kind: 'tcp', intervalMs: 5000, timeoutMs: 2000, family: 'auto', tags: [], paused: false,
      thresholds: { downAfter: 3, recoverAfter: 2, degradedAfter: 3 },
    });
  });

  it.each(['192.0.2.10', '::1', '[2001:db8::1]', 'db-1.internal', 'localhost', 'a.b.c.example.'])('accepts host %s', (host) => {
    expect(() => parseOrThrow(endpointInputSchema, { ...valid, host })).not.toThrow();
  });

  it('strips brackets from an IPv6 literal', () => {
    expect(parseOrThrow(endpointInputSchema, { ...valid, host: '[::1]' }).host).toBe('::1');
  });

  it.each([
    [{ host: '' }, 'host', 'is required'],
    [{ host: 'bad host' }, 'host', 'must be a host name'],
    [{ host: '300.1.1.1' }, 'host', 'must be a host name'],
    [{ host: '-leading.test' }, 'host', 'must be a host name'],
    [{ port: 0 }, 'port', 'between 1 and 65535'],
    [{ port: 65536 }, 'port', 'between 1 and 65535'],
    [{ port: 80.5 }, 'port', 'whole number'],
    [{ port: '80' }, 'port', 'must be a number'],
    [{ intervalMs: 100 }, 'intervalMs', 'at least 250 ms'],
    [{ intervalMs: 1000, timeoutMs: 1000 }, 'timeoutMs', 'shorter than the interval'],
    [{ kind: 'icmp' }, 'kind', ''],
    [{ name: '' }, 'name', 'is required'],
    [{ send: { encoding: 'hex', value: 'zz' } }, 'send.value', 'hex'],
    [{ send: { encoding: 'text', value: 'x'.repeat(5000) } }, 'send', 'at most 4096 bytes'],
    [{ expect: { kind: 'regex', source: '(', flags: '' } }, 'expect.source', 'not a valid regular expression'],
    [{ thresholds: { downAfter: 0 } }, 'thresholds.downAfter', ''],
    [{ thresholds: { downAfterByClass: { nonsense: 1 } } }, 'thresholds.downAfterByClass', ''],
    [{ surprise: true }, '', 'unknown field(s): surprise'],
    [{ dependsOn: 'web' }, 'dependsOn', 'cannot depend on itself'],
    [{ kind: 'heartbeat', heartbeat: { mode: 'active' } }, 'send', 'is required for an active heartbeat'],
  ])('rejects %j naming %s', (patch, field, message) => {
    try {
      parseOrThrow(endpointInputSchema, { ...valid, ...patch });
      expect.unreachable('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const issue = (error as ValidationError).issues[0];
      expect(issue?.field.startsWith(field)).toBe(true);
      expect(issue?.message).toContain(message);
    }
  });
});
