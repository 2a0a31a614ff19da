import { describe, expect, it } from 'vitest';
import { classifyCode, classifyError } from '../../../src-main/core/classify/classify.ts';
import { CLASS_INFO, FAILURE_CLASSES } from '../../../src-main/core/classify/failure-classes.ts';
import { synRetransmitsFor } from '../../../src-main/core/classify/syn-retransmit.ts';

describe('failure classification', () => {
  it.each([
    ['ECONNREFUSED', 'connect', 'refused'],
    ['ETIMEDOUT', 'receive', 'timeout'],
    ['EHOSTUNREACH', 'connect', 'host-unreachable'],
    ['ENETUNREACH', 'connect', 'net-unreachable'],
    ['EINVAL', 'connect', 'net-unreachable'],
    ['EACCES', 'connect', 'permission-denied'],
    ['EPERM', 'send', 'permission-denied'],
    ['EADDRINUSE', 'connect', 'local-address'],
    ['EADDRNOTAVAIL', 'connect', 'local-address'],
    ['EAGAIN', 'connect', 'local-address'],
    ['ECONNRESET', 'receive', 'reset'],
    ['EPIPE', 'send', 'broken-pipe'],
    ['EOF', 'receive', 'peer-closed'],
    ['HALF_OPEN', 'receive', 'half-open'],
    ['ENOTFOUND', 'dns', 'dns'],
    ['EAI_AGAIN', 'dns', 'dns'],
    ['ESERVFAIL', 'dns', 'dns'],
    ['ECONNREFUSED', 'dns', 'dns'],
    ['MISMATCH', 'receive', 'protocol'],
    ['EAFNOSUPPORT', 'connect', 'invalid-target'],
    ['EWEIRD', 'connect', 'other'],
  ] as const)('%s in the %s phase is %s', (code, phase, cls) => {
    const failure = classifyCode(code, { phase });
    expect(failure.class).toBe(cls);
    expect(failure.code).toBe(code);
    expect(failure.phase).toBe(phase);
    expect(failure.message).not.toBe('');
    expect(failure.hint).not.toBe('');
  });

  it('keeps the raw errno from a Node error', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', errno: -111 });
    expect(classifyError(error, { phase: 'connect' })).toMatchObject({ class: 'refused', errno: -111 });
  });

  it('reads the first error of an AggregateError (multi-address connect)', () => {
    const inner = Object.assign(new Error('x'), { code: 'EHOSTUNREACH', errno: -113 });
    expect(classifyError(new AggregateError([inner]), { phase: 'connect' }).class).toBe('host-unreachable');
  });

  it('keeps unknown errors as other with the raw code', () => {
    expect(classifyError('boom', { phase: 'connect' })).toMatchObject({ class: 'other', code: 'UNKNOWN' });
  });

  it('documents every class', () => {
    for (const cls of FAILURE_CLASSES) {
      expect(CLASS_INFO[cls].explanation.length).toBeGreaterThan(20);
      expect(CLASS_INFO[cls].hint.length).toBeGreaterThan(20);
    }
  });

  it('gives UDP silence its own hint', () => {
    expect(classifyCode('TIMEOUT', { phase: 'receive', udp: true }).hint).toMatch(/ambiguous/);
  });
});

describe('SYN retransmission flag', () => {
  it.each([
    [0.3, 0],
    [500, 0],
    [1001, 1],
    [1080, 1],
    [1400, 0],
    [3002, 2],
    [7010, 3],
    [15020, 4],
  ])('%d ms → %d lost SYNs', (ms, count) => {
    expect(synRetransmitsFor(ms)).toBe(count);
  });
});
