/** The probe loop in process, against real loopback servers, with a capturing reporter. */
import { afterEach, describe, expect, it } from 'vitest';
import type { ProbeCliConfig } from '../../../src-main/cli/probe/args.ts';
import type { AttemptRecord, Reporter } from '../../../src-main/cli/probe/reporter.ts';
import { runProbes, type AttemptFn } from '../../../src-main/cli/probe/runner.ts';
import type { TargetSummary } from '../../../src-main/cli/probe/tally.ts';
import { parseTarget } from '../../../src-main/cli/probe/target.ts';
import type { ProbeOutcome } from '../../../src-main/core/probe/types.ts';
import { createServers } from '../support/servers.ts';

const servers = createServers();
afterEach(() => servers.closeAll());

function capture(onAttempt?: (record: AttemptRecord) => void) {
  const attempts: AttemptRecord[] = [];
  const finished: { summaries: readonly TargetSummary[]; interrupted: boolean }[] = [];
  let started = 0;
  const reporter: Reporter = {
    start: () => {
      started++;
    },
    attempt: (record) => {
      attempts.push(record);
      onAttempt?.(record);
    },
    finish: (summaries, interrupted) => {
      finished.push({ summaries, interrupted });
    },
  };
  return { reporter, attempts, finished, started: () => started };
}

function configFor(targets: string[], overrides: Partial<ProbeCliConfig> = {}): ProbeCliConfig {
  return {
    targets: targets.map(parseTarget),
    kind: 'tcp',
    count: 2,
    intervalMs: 0,
    timeoutMs: 2000,
    family: 'auto',
    allAddresses: false,
    format: 'human',
    quiet: false,
    ...overrides,
  };
}

const timers = (): number => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;

describe('runProbes', () => {
  it('runs count rounds over every target in turn and reports once at the end', async () => {
    const open = await servers.tcp();
    const closed = await servers.closedTcpPort();
    const out = capture();
    const result = await runProbes(configFor([`127.0.0.1:${open}`, `127.0.0.1:${closed}`], { count: 3 }), {
      reporter: out.reporter,
      signal: new AbortController().signal,
    });
    expect(out.started()).toBe(1);
    expect(out.attempts.map((a) => `${a.target.port}#${a.seq}:${a.outcome.ok}`)).toEqual([
      `${open}#1:true`, `${closed}#1:false`, `${open}#2:true`, `${closed}#2:false`, `${open}#3:true`, `${closed}#3:false`,
    ]);
    expect(out.finished).toHaveLength(1);
    expect(result.interrupted).toBe(false);
    expect(result.summaries.map((s) => [s.sent, s.ok, s.failed, s.lossPct, s.failures])).toEqual([
      [3, 3, 0, 0, {}],
      [3, 0, 3, 100, { refused: 3 }],
    ]);
    expect(result.summaries[0]?.latency?.count).toBe(3);
  });

  it('stops during the interval wait when aborted, and leaves no timer behind', async () => {
    const open = await servers.tcp();
    const before = timers();
    const controller = new AbortController();
    // Aborts on the next turn of the event loop, when the runner already waits for the next round.
    const out = capture(() => setImmediate(() => controller.abort()));
    // A one-hour interval: only the abort can end this run in time.
    const result = await runProbes(configFor([`127.0.0.1:${open}`], { count: 2, intervalMs: 3_600_000 }), {
      reporter: out.reporter,
      signal: controller.signal,
    });
    expect(result.interrupted).toBe(true);
    expect(out.attempts).toHaveLength(1);
    expect(result.summaries[0]).toMatchObject({ sent: 1, ok: 1 });
    expect(out.finished).toEqual([{ summaries: result.summaries, interrupted: true }]);
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it('aborts the attempt in flight and leaves it out of the statistics', async () => {
    const controller = new AbortController();
    let connections = 0;
    const port = await servers.tcp(() => {
      connections++;
      controller.abort();
    });
    const out = capture();
    const result = await runProbes(
      configFor([`127.0.0.1:${port}`], { count: undefined, timeoutMs: 60_000, expect: { kind: 'string', value: 'never' } }),
      { reporter: out.reporter, signal: controller.signal },
    );
    expect(connections).toBe(1);
    expect(out.attempts).toEqual([]);
    expect(result.summaries[0]).toMatchObject({ sent: 0, ok: 0, failed: 0, lossPct: null, latency: null });
    expect(result.interrupted).toBe(true);
  });

  it('does nothing but report when aborted before the start', async () => {
    const out = capture();
    const result = await runProbes(configFor(['127.0.0.1:9']), { reporter: out.reporter, signal: AbortSignal.abort() });
    expect(out.attempts).toEqual([]);
    expect(result.summaries[0]?.sent).toBe(0);
    expect(out.finished).toHaveLength(1);
  });

  it('reports every outcome of an attempt (all addresses) under the same round number', async () => {
    const seen: ProbeOutcome[] = [];
    const attempt: AttemptFn = async (kind, target, options, allAddresses) => {
      expect(allAddresses).toBe(true);
      expect(options.timeoutMs).toBe(2000);
      const base = { kind, target, startedAt: Date.now(), phases: { dns: 1, connect: 2 }, totalMs: 3 };
      const outcomes: ProbeOutcome[] = [
        { ...base, ok: true, address: '192.0.2.1', family: 4, latencyMs: 2, synRetransmits: 0 },
        { ...base, ok: false, address: '2001:db8::1', family: 6, failure: { class: 'timeout', code: 'TIMEOUT', phase: 'connect', message: 'm', hint: 'h' } },
      ];
      seen.push(...outcomes);
      return outcomes;
    };
    const out = capture();
    const result = await runProbes(configFor(['example.test:80'], { allAddresses: true }), { reporter: out.reporter, signal: new AbortController().signal, attempt });
    expect(out.attempts.map((a) => [a.seq, a.outcome.address])).toEqual([
      [1, '192.0.2.1'], [1, '2001:db8::1'], [2, '192.0.2.1'], [2, '2001:db8::1'],
    ]);
    expect(out.attempts.map((a) => a.outcome)).toEqual(seen);
    expect(result.summaries[0]).toMatchObject({ sent: 4, ok: 2, failed: 2, lossPct: 50, failures: { timeout: 2 } });
  });
});
