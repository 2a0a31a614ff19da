/** `synack probe`: tcping-style probing with failure classes and a statistics summary. */
import type { Command } from '../command.ts';
import { processIo, type CliIo } from '../io.ts';
import { parseProbeArgs } from '../probe/args.ts';
import { humanReporter } from '../probe/human-format.ts';
import { jsonReporter } from '../probe/json-format.ts';
import { quiet } from '../probe/reporter.ts';
import { runProbes, type AttemptFn } from '../probe/runner.ts';
import { PROBE_USAGE } from '../probe/usage.ts';
import { UsageError } from '../usage-error.ts';

/**
 * Runs `synack probe` with the given arguments and I/O; resolves to the exit code:
 * 0 when every target answered at least once, 1 otherwise, 2 for a usage error.
 */
export async function runProbeCommand(argv: readonly string[], io: CliIo, attempt?: AttemptFn): Promise<number> {
  let parsed;
  try {
    parsed = parseProbeArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`synack probe: ${error.message}\n`);
    return 2;
  }
  if (parsed.help) {
    io.out(PROBE_USAGE);
    return 0;
  }
  const { config } = parsed;
  const base = config.format === 'json' ? jsonReporter(io.out) : humanReporter(io.out);
  const reporter = config.quiet ? quiet(base) : base;
  const controller = new AbortController();
  const stopListening = io.listenForInterrupt(() => controller.abort());
  try {
    const { summaries } = await runProbes(config, { reporter, signal: controller.signal, ...(attempt ? { attempt } : {}) });
    return summaries.every((summary) => summary.ok > 0) ? 0 : 1;
  } finally {
    stopListening();
  }
}

export const command: Command = {
  summary: 'probe HOST:PORT like tcping: latency per attempt, why failures happen, statistics',
  run: (argv) => runProbeCommand(argv, processIo()),
};
