import { describe, expect, it } from 'vitest';
import { formatAttemptLine, formatMs, formatStartLine, formatSummary, humanReporter } from '../../../src-main/cli/probe/human-format.ts';
import { attemptJson, summaryJson } from '../../../src-main/cli/probe/json-format.ts';
import { TargetTally } from '../../../src-main/cli/probe/tally.ts';
import { parseTarget } from '../../../src-main/cli/probe/target.ts';
import type { ProbeCliConfig } from '../../../src-main/cli/probe/args.ts';
import { classifyCode } from '../../../src-main/core/classify/classify.ts';
import type { ProbeFailure, ProbeSuccess } from '../../../src-main/core/probe/types.ts';

const target = parseTarget('example.com:443');
const startedAt = Date.UTC(2026, 10, 25, 12, 0, 0, 5);
const success: ProbeSuccess = {
  ok: true, kind: 'tcp', target, startedAt, address: '192.0.2.1', family: 4,
  phases: { dns: 1.23456, connect: 1003.4567 }, totalMs: 1004.7, latencyMs: 1003.4567, synRetransmits: 1,
};
const refused: ProbeFailure = {
  ok: false, kind: 'tcp', target, startedAt, address: '192.0.2.1', family: 4,
  phases: { dns: 0.5 }, totalMs: 0.9, failure: classifyCode('ECONNREFUSED', { phase: 'connect' }, -111),
};
const nxdomain: ProbeFailure = {
  ok: false, kind: 'tcp', target, startedAt, phases: { dns: 12 }, totalMs: 12, failure: classifyCode('ENOTFOUND', { phase: 'dns' }),
};

describe('human format', () => {
  it('sizes milliseconds to their magnitude', () => {
    expect([0.4217, 9.999, 12.34, 999.94, 2001.4].map(formatMs)).toEqual(['0.42', '10.00', '12.3', '999.9', '2001']);
  });

  it('writes a success with its phases and a lost-SYN note', () => {
    const line = formatAttemptLine({ target, seq: 3, outcome: success }, 20);
    expect(line).toMatch(/^\d\d:\d\d:00\.005 {2}example\.com:443 {7}192\.0\.2\.1 {2}#3 {2}ok {2}time=1003ms {2}dns=1\.23ms connect=1003ms {2}\(connect time suggests 1 lost SYN\)$/);
  });

  it('writes a failure with class, code, phase and hint; a specific message only when it adds something', () => {
    const line = formatAttemptLine({ target, seq: 1, outcome: refused }, 0);
    expect(line).toContain(`192.0.2.1  #1  refused  ECONNREFUSED in connect after 0.90ms  hint: ${refused.failure.hint}`);
    const dns = formatAttemptLine({ target, seq: 1, outcome: nxdomain }, 0);
    expect(dns).toContain(`  -  #1  dns  ENOTFOUND in dns after 12.0ms: ${nxdomain.failure.message}  hint: `);
  });

  it('describes the run in the start line', () => {
    const base: ProbeCliConfig = { targets: [target], kind: 'udp', count: 1, intervalMs: 0, timeoutMs: 500, family: 6, allAddresses: false, format: 'human', quiet: false };
    expect(formatStartLine(base)).toBe('PROBE example.com:443 over UDP IPv6: 1 attempt, timeout 500ms');
    expect(formatStartLine({ ...base, count: undefined, intervalMs: 90_000, family: 'auto' })).toBe('PROBE example.com:443 over UDP: until Ctrl-C every 1m30s, timeout 500ms');
  });

  it('summarises per target, with failures by class', () => {
    const tally = new TargetTally(target, 'tcp');
    for (const outcome of [success, refused, nxdomain, refused]) tally.record(outcome);
    tally.record({ ...success, latencyMs: 2 });
    tally.record({ ...success, latencyMs: 3 });
    expect(formatSummary(tally.summary())).toEqual([
      '--- example.com:443 tcp probe statistics ---',
      '6 sent, 3 ok, 3 failed, 50% loss',
      expect.stringMatching(/^connect min\/avg\/median\/p95\/max\/stddev = 2\.00\/336\.2\/3\.00\/903\.4\/1003\/471\.9 ms, jitter 501\.2 ms$/),
      'failures: refused 2, dns 1',
    ]);
  });

  it('reports an interrupted target that finished nothing', () => {
    const lines: string[] = [];
    const reporter = humanReporter((text) => lines.push(text));
    reporter.finish([new TargetTally(target, 'tcp').summary()], true);
    expect(lines.join('')).toBe('\n--- example.com:443 tcp probe statistics ---\n0 sent, 0 ok, 0 failed, no attempt finished\n');
  });
});

describe('JSON format', () => {
  it('rounds to the microsecond and keeps the failure fields', () => {
    expect(attemptJson({ target, seq: 1, outcome: success })).toEqual({
      type: 'attempt', time: '2026-11-25T12:00:00.005Z', target: 'example.com:443', kind: 'tcp', seq: 1,
      address: '192.0.2.1', family: 4, ok: true, phases: { dns: 1.235, connect: 1003.457 }, total: 1004.7, latency: 1003.457, synRetransmits: 1,
    });
    expect(attemptJson({ target, seq: 2, outcome: refused })).toMatchObject({
      ok: false, latency: null, class: 'refused', code: 'ECONNREFUSED', errno: -111, phase: 'connect', hint: refused.failure.hint,
    });
    const dns = attemptJson({ target, seq: 1, outcome: nxdomain });
    expect(dns).toMatchObject({ address: null, family: null, class: 'dns', phase: 'dns', phases: { dns: 12 } });
    expect(dns).not.toHaveProperty('errno');
  });

  it('writes null latency and loss when there is nothing to summarise', () => {
    expect(summaryJson(new TargetTally(target, 'udp').summary(), true)).toEqual({
      type: 'summary', target: 'example.com:443', kind: 'udp', sent: 0, ok: 0, failed: 0, lossPct: null, latency: null, failures: {}, interrupted: true,
    });
  });
});
