/** The human output: one line per attempt, then a ping-style block per target. */
import { CLASS_INFO } from '../../core/classify/failure-classes.ts';
import type { Phases, ProbeFailure, ProbeSuccess } from '../../core/probe/types.ts';
import { formatDuration } from '../../core/util/duration.ts';
import type { Writer } from '../io.ts';
import type { ProbeCliConfig } from './args.ts';
import type { AttemptRecord, Reporter } from './reporter.ts';
import type { TargetSummary } from './tally.ts';

/** Milliseconds with precision that fits the size: 0.42, 12.3, 2001. */
export function formatMs(ms: number): string {
  if (ms < 10) return ms.toFixed(2);
  if (ms < 1000) return ms.toFixed(1);
  return ms.toFixed(0);
}

/** Local wall-clock time with milliseconds, `14:03:07.512`. */
export function formatClock(epochMs: number): string {
  const date = new Date(epochMs);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}

function formatPhases(phases: Phases): string {
  const parts = [`dns=${formatMs(phases.dns)}ms`];
  if (phases.connect !== undefined) parts.push(`connect=${formatMs(phases.connect)}ms`);
  if (phases.firstByte !== undefined) parts.push(`firstByte=${formatMs(phases.firstByte)}ms`);
  return parts.join(' ');
}

function successDetail(outcome: ProbeSuccess): string {
  const lostSyns = outcome.synRetransmits > 0 ? `  (connect time suggests ${outcome.synRetransmits} lost SYN${outcome.synRetransmits > 1 ? 's' : ''})` : '';
  return `ok  time=${formatMs(outcome.latencyMs)}ms  ${formatPhases(outcome.phases)}${lostSyns}`;
}

function failureDetail(outcome: ProbeFailure): string {
  const { failure } = outcome;
  // The class name already says what the generic explanation would; print only sharper wording.
  const specific = failure.message === CLASS_INFO[failure.class].explanation ? '' : `: ${failure.message}`;
  return `${failure.class}  ${failure.code} in ${failure.phase} after ${formatMs(outcome.totalMs)}ms${specific}  hint: ${failure.hint}`;
}

export function formatAttemptLine(record: AttemptRecord, labelWidth: number): string {
  const { outcome } = record;
  const detail = outcome.ok ? successDetail(outcome) : failureDetail(outcome);
  return `${formatClock(outcome.startedAt)}  ${record.target.label.padEnd(labelWidth)}  ${outcome.address ?? '-'}  #${record.seq}  ${detail}`;
}

export function formatStartLine(config: ProbeCliConfig): string {
  const targets = config.targets.map((target) => target.label).join(', ');
  const rounds = config.count === undefined ? 'until Ctrl-C' : `${config.count} attempt${config.count === 1 ? '' : 's'}`;
  const pace = config.count === 1 ? '' : config.intervalMs === 0 ? ' back to back' : ` every ${formatDuration(config.intervalMs)}`;
  const family = config.family === 'auto' ? '' : ` IPv${config.family}`;
  return `PROBE ${targets} over ${config.kind.toUpperCase()}${family}: ${rounds}${pace}, timeout ${formatDuration(config.timeoutMs)}`;
}

export function formatSummary(summary: TargetSummary): string[] {
  const loss = summary.lossPct === null ? 'no attempt finished' : `${Number(summary.lossPct.toFixed(1))}% loss`;
  const lines = [
    `--- ${summary.target.label} ${summary.kind} probe statistics ---`,
    `${summary.sent} sent, ${summary.ok} ok, ${summary.failed} failed, ${loss}`,
  ];
  const { latency } = summary;
  if (latency) {
    const what = summary.kind === 'tcp' ? 'connect' : 'reply';
    const values = [latency.min, latency.avg, latency.median, latency.p95, latency.max, latency.stddev].map(formatMs).join('/');
    lines.push(`${what} min/avg/median/p95/max/stddev = ${values} ms, jitter ${formatMs(latency.jitter)} ms`);
  }
  const failures = Object.entries(summary.failures).map(([cls, count]) => `${cls} ${count}`);
  if (failures.length > 0) lines.push(`failures: ${failures.join(', ')}`);
  return lines;
}

/** Human output through `write`. */
export function humanReporter(write: Writer): Reporter {
  let labelWidth = 0;
  return {
    start(config) {
      labelWidth = Math.max(...config.targets.map((target) => target.label.length));
      write(`${formatStartLine(config)}\n`);
    },
    attempt(record) {
      write(`${formatAttemptLine(record, labelWidth)}\n`);
    },
    finish(summaries) {
      const blocks = summaries.map((summary) => formatSummary(summary).join('\n'));
      write(`\n${blocks.join('\n')}\n`);
    },
  };
}
