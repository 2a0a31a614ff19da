/** `synack serve`: the monitor with its web UI on 127.0.0.1, for whoever holds the printed token. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MonitorService } from '../../core/monitor/monitor-service.ts';
import type { HistoryStore } from '../../core/monitor/history-store.ts';
import { startWebServer, type WebServer } from '../../web/web-server.ts';
import type { CliIo } from '../io.ts';
import { parseServeArgs } from '../serve/args.ts';
import { SERVE_USAGE } from '../serve/usage.ts';
import { UsageError } from '../usage-error.ts';

/** Where the store comes from; the tests and the real command share everything else. */
export interface ServeDependencies {
  /** The database used without `--db`. */
  defaultDbPath(): string;
  /** Opens (creating or migrating) the store at `path`; throws when it cannot. */
  openStore(path: string, io: CliIo): HistoryStore;
}

/**
 * Runs `synack serve` until interrupted; resolves to the exit code: 0 after a clean stop,
 * 1 when it could not start (database, port), 2 for a usage error.
 */
export async function runServeCommand(argv: readonly string[], io: CliIo, dependencies: ServeDependencies): Promise<number> {
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
  const dbPath = config.db ?? dependencies.defaultDbPath();

  let stopRequested!: () => void;
  const interrupted = new Promise<void>((resolve) => (stopRequested = resolve));
  const stopListening = io.listenForInterrupt(() => stopRequested());
  let service: MonitorService | undefined;
  let server: WebServer | undefined;
  try {
    try {
      service = new MonitorService({ store: dependencies.openStore(dbPath, io) });
    } catch (error) {
      io.err(`synack serve: cannot open the database ${dbPath}: ${messageOf(error)}\n`);
      return 1;
    }
    try {
      server = await startWebServer({ service, rendererDir: config.rendererDir, port: config.port, metrics: config.metrics });
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
    await server?.close();
    await service?.stop();
    stopListening();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
