/** `synack serve`: the monitor with its web UI on 127.0.0.1, for whoever holds the printed token. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { MonitorService } from '../../core/monitor/monitor-service.ts';
import { defaultDbPath } from '../../core/store/paths.ts';
import { startWebServer, type RefusedRequest, type WebServer } from '../../web/web-server.ts';
import type { Command } from '../command.ts';
import { processIo, type CliIo } from '../io.ts';
import { parseServeArgs } from '../serve/args.ts';
import { SERVE_USAGE } from '../serve/usage.ts';
import { openService } from '../service/db-option.ts';
import { UsageError } from '../usage-error.ts';

/**
 * Runs `synack serve` until interrupted; resolves to the exit code: 0 after a clean stop,
 * 1 when it could not start (database, port), 2 for a usage error.
 */
export async function runServeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseServeArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`synack serve: ${error.message}\n`);
    return 2;
  }
  if (parsed.help) {
    io.out(SERVE_USAGE);
    return 0;
  }
  const { config } = parsed;
  const dbPath = config.db ?? defaultDbPath({ env: process.env });

  let stopRequested!: () => void;
  const interrupted = new Promise<void>((resolve) => (stopRequested = resolve));
  const stopListening = io.listenForInterrupt(() => stopRequested());
  let service: MonitorService | undefined;
  let server: WebServer | undefined;
  try {
    try {
      service = openService(dbPath, io.err);
    } catch (error) {
      io.err(`synack serve: cannot open the database ${dbPath}: ${messageOf(error)}\n`);
      return 1;
    }
    try {
      server = await startWebServer({
        service,
        rendererDir: config.rendererDir,
        port: config.port,
        metrics: config.metrics,
        onRefused: (refused) => io.err(refusalLine(refused)),
      });
    } catch (error) {
      io.err(`synack serve: cannot listen on 127.0.0.1:${config.port}: ${messageOf(error)}\n`);
      return 1;
    }
    service.start();
    io.out(`Synack web UI: ${server.url}\n`);
    io.out(`Database: ${dbPath}\n`);
    if (config.metrics) io.out(`Metrics: http://127.0.0.1:${server.port}/metrics (Authorization: Bearer <the token above>)\n`);
    if (!existsSync(join(config.rendererDir, 'index.html'))) {
      io.err(`synack serve: no built web UI in ${config.rendererDir} (build the renderer first); the API still works\n`);
    }
    io.out('Press Ctrl-C to stop.\n');
    await interrupted;
    return 0;
  } finally {
    stopListening();
    await server?.close();
    await service?.stop();
  }
}

/** One stderr line per refused request: enough to spot a rebinding or cross-site attempt, no secrets. */
function refusalLine({ status, reason, request, upgrade }: RefusedRequest): string {
  const path = (request.url ?? '/').split('?')[0];
  const from = [`Host ${JSON.stringify(request.headers.host ?? '')}`, ...(request.headers.origin ? [`Origin ${JSON.stringify(request.headers.origin)}`] : [])];
  return `synack serve: refused ${upgrade ? 'WebSocket ' : ''}${request.method ?? 'GET'} ${path}: ${status} ${reason} (${from.join(', ')})\n`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const command: Command = {
  summary: 'run the monitor with its web UI on 127.0.0.1 (token-protected URL; --metrics for Prometheus)',
  run: (argv) => runServeCommand(argv, processIo()),
};
