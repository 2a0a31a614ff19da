/** The `--db PATH` option every service command shares, and opening the service on it. */
import { defaultDbPath } from '../../core/store/paths.ts';
import { MonitorService, type MonitorServiceOptions } from '../../core/monitor/monitor-service.ts';
import { openHistoryStore } from '../../core/store/open-history-store.ts';
import type { Writer } from '../io.ts';

export const DB_OPTION = { db: { type: 'string' } } as const;

export const DB_USAGE = '  --db PATH         database file (default: $SYNACK_DB, else the OS data dir)';

/** Opens the database (setting aside a corrupt file with a notice on `err`) and the service on it. */
export function openService(dbPath: string | undefined, err: Writer, options: Omit<MonitorServiceOptions, 'store'> = {}): MonitorService {
  const path = dbPath ?? defaultDbPath({ env: process.env });
  const { store, notices } = openHistoryStore(path);
  for (const notice of notices) err(`synack: ${notice}\n`);
  return new MonitorService({ ...options, store });
}
