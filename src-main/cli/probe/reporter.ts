/** What the runner tells the output format; human and JSON Lines implement it. */
import type { ProbeOutcome } from '../../core/probe/types.ts';
import type { ProbeCliConfig } from './args.ts';
import type { TargetSummary } from './tally.ts';
import type { CliTarget } from './target.ts';

export interface AttemptRecord {
  readonly target: CliTarget;
  /** 1-based round number. */
  readonly seq: number;
  readonly outcome: ProbeOutcome;
}

export interface Reporter {
  start(config: ProbeCliConfig): void;
  attempt(record: AttemptRecord): void;
  /** Called once at the end, also after an interrupt. */
  finish(summaries: readonly TargetSummary[], interrupted: boolean): void;
}

/** `--quiet`: only the summary gets through. */
export function quiet(reporter: Reporter): Reporter {
  return { start: () => {}, attempt: () => {}, finish: (summaries, interrupted) => reporter.finish(summaries, interrupted) };
}
