/**
 * `synack run`: the monitor as a headless daemon on the saved endpoints. One line per state
 * transition (JSON Lines with --json); SIGINT/SIGTERM flush and close within 2 s, exit 0.
 */
import { parseArgs } from 'node:util';
import type { TransitionReport } from '../../core/monitor/monitor-service.ts';
import type { Command } from '../command.ts';
import { processIo, type CliIo } from '../io.ts';
import { formatTarget } from '../probe/target.ts';
import { DB_OPTION, DB_USAGE, openService } from '../service/db-option.ts';

export const RUN_USAGE = `Usage: synack run [--db PATH] [--json]

Monitors the saved endpoints until stopped (Ctrl-C / SIGTERM), printing each state change.

Options:
${DB_USAGE}
  --json            one JSON object per line: {"endpoint","from","to","at","class"?,...}
`;

const OPTIONS = { ...DB_OPTION, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

export async function runDaemon(argv: readonly string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: false, strict: true }));
  } catch (error) {
    io.err(`synack run: ${(error as Error).message}\n`);
    return 2;
  }
  if (values.help) {
    io.out(RUN_USAGE);
    return 0;
  }
  let service;
  try {
    service = openService(values.db, io.err, { reports: { log: (line) => io.err(`synack run: ${line}\n`) } });
  } catch (error) {
    io.err(`synack run: cannot open the database: ${(error as Error).message}\n`);
    return 1;
  }
  const format = values.json ? jsonLine : humanLine;
  const unsubscribe = service.onTransition((report) => io.out(format(report)));
  const count = service.listEndpoints().length;
  io.err(`synack run: monitoring ${count} endpoint(s)${count === 0 ? ' — add some with "synack endpoints add NAME HOST:PORT"' : ''}; Ctrl-C to stop\n`);
  service.start();
  await new Promise<void>((resolve) => {
    const stopListening = io.listenForInterrupt(() => {
      stopListening();
      resolve();
    });
  });
  unsubscribe();
  await service.stop();
  return 0;
}

function jsonLine(report: TransitionReport): string {
  return `${JSON.stringify({
    endpoint: report.endpoint.name,
    target: formatTarget(report.endpoint.host, report.endpoint.port),
    from: report.from,
    to: report.to,
    at: new Date(report.at).toISOString(),
    ...(report.failureClass === undefined ? {} : { class: report.failureClass }),
    ...(report.evidence.code === undefined ? {} : { code: report.evidence.code }),
    ...(report.evidence.message === undefined ? {} : { message: report.evidence.message }),
    ...(report.evidence.latencyMs === undefined ? {} : { latencyMs: round(report.evidence.latencyMs) }),
    flapping: report.flapping,
    ...(report.groupedUnder ? { groupedUnder: report.groupedUnder.name } : {}),
  })}\n`;
}

function humanLine(report: TransitionReport): string {
  const time = new Date(report.at).toISOString().replace('T', ' ').slice(0, 19);
  const target = formatTarget(report.endpoint.host, report.endpoint.port);
  const why = report.failureClass ? ` (${report.failureClass}${report.evidence.code ? ` ${report.evidence.code}` : ''})` : '';
  const latency = report.to === 'up' && report.evidence.latencyMs !== undefined ? ` ${round(report.evidence.latencyMs)} ms` : '';
  const extra = `${report.flapping ? ' [flapping]' : ''}${report.groupedUnder ? ` [under ${report.groupedUnder.name}]` : ''}`;
  return `${time}  ${report.endpoint.name} ${target}: ${report.from} → ${report.to}${why}${latency}${extra}\n`;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

export const command: Command = {
  summary: 'run the monitor headless on the saved endpoints (daemon)',
  run: (argv) => runDaemon(argv, processIo()),
};
