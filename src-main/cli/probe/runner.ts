/**
 * The probe loop: rounds of one attempt per target (every address with --all-addresses),
 * one round per interval, measured from the start of the previous round. An abort stops
 * everything at once: the in-flight probe settles through its signal, the sleep is
 * cancelled, and the attempts cut short are left out of the statistics.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { SYNACK_CODES } from '../../core/classify/classify.ts';
import { probe, probeEveryAddress } from '../../core/probe/registry.ts';
import type { ProbeKind, ProbeOptions, ProbeOutcome, Target } from '../../core/probe/types.ts';
import type { ProbeCliConfig } from './args.ts';
import type { Reporter } from './reporter.ts';
import { TargetTally, type TargetSummary } from './tally.ts';

/** Runs one attempt on a target and returns its outcomes (several with --all-addresses). */
export type AttemptFn = (kind: ProbeKind, target: Target, options: ProbeOptions, allAddresses: boolean) => Promise<readonly ProbeOutcome[]>;

export const defaultAttempt: AttemptFn = async (kind, target, options, allAddresses) =>
  allAddresses ? probeEveryAddress(kind, target, options) : [await probe(kind, target, options)];

export interface RunDeps {
  readonly reporter: Reporter;
  /** Aborting stops the run; the summary is still reported. */
  readonly signal: AbortSignal;
  /** @default the probe engine */
  readonly attempt?: AttemptFn;
}

export interface RunResult {
  readonly summaries: readonly TargetSummary[];
  readonly interrupted: boolean;
}

export async function runProbes(config: ProbeCliConfig, deps: RunDeps): Promise<RunResult> {
  const { reporter, signal } = deps;
  const attempt = deps.attempt ?? defaultAttempt;
  const tallies = config.targets.map((target) => new TargetTally(target, config.kind));
  const options: ProbeOptions = {
    timeoutMs: config.timeoutMs,
    family: config.family,
    signal,
    ...(config.send === undefined ? {} : { send: config.send }),
    ...(config.expect === undefined ? {} : { expect: config.expect }),
  };

  reporter.start(config);
  for (let seq = 1; config.count === undefined || seq <= config.count; seq++) {
    const roundStart = performance.now();
    for (const tally of tallies) {
      if (signal.aborted) break;
      const outcomes = await attempt(config.kind, tally.target, options, config.allAddresses);
      for (const outcome of outcomes) {
        if (signal.aborted && !outcome.ok && outcome.failure.code === SYNACK_CODES.aborted) continue;
        tally.record(outcome);
        reporter.attempt({ target: tally.target, seq, outcome });
      }
    }
    if (signal.aborted || seq === config.count) break;
    const wait = config.intervalMs - (performance.now() - roundStart);
    if (wait > 0 && !(await sleepUnlessAborted(wait, signal))) break;
  }

  const summaries = tallies.map((tally) => tally.summary());
  reporter.finish(summaries, signal.aborted);
  return { summaries, interrupted: signal.aborted };
}

/** Resolves false when the signal cut the sleep short. */
async function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<boolean> {
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch (error) {
    if (signal.aborted) return false;
    throw error;
  }
}
