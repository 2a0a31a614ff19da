/**
 * `synack watch HOST:PORT`: a heartbeat session in the terminal. Prints each event as it
 * happens and, on Ctrl-C (SIGINT) or SIGTERM, a summary.
 */
import { KEEPALIVE_TUNABLE } from '../../core/heartbeat/link.ts';
import { DEFAULT_KEEPALIVE, HeartbeatSession } from '../../core/heartbeat/session.ts';
import type { Command } from '../command.ts';
import { banner, formatEvent, formatSummary, jsonEvent, jsonSummary, type WatchEvent } from '../watch/format.ts';
import { parseWatchArgs, WATCH_USAGE, type WatchConfig } from '../watch/options.ts';
import { WatchTally } from '../watch/tally.ts';

export const command: Command = {
  summary: 'hold a TCP connection open and report how it dies (FIN, RST, EPIPE, half-open)',
  async run(argv) {
    const parsed = parseWatchArgs(argv);
    if (parsed.kind === 'help') {
      process.stdout.write(`${WATCH_USAGE}\n`);
      return 0;
    }
    if (parsed.kind === 'error') {
      process.stderr.write(`synack watch: ${parsed.message}\n\n${WATCH_USAGE}\n`);
      return 2;
    }
    return watch(parsed.config);
  },
};

async function watch(config: WatchConfig): Promise<number> {
  const { target, json } = config;
  const session = new HeartbeatSession(target, config.session);
  const tally = new WatchTally(session);
  const out = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  const print = (item: WatchEvent): void => out(json ? jsonEvent(item, Date.now()) : formatEvent(item, Date.now()));

  if (!json) out(banner(target, config.session.mode, { ...DEFAULT_KEEPALIVE, ...config.session.keepAlive }, KEEPALIVE_TUNABLE));
  session.on('connected', (data) => print({ event: 'connected', data }));
  session.on('heartbeat', (data) => print({ event: 'heartbeat', data }));
  session.on('lost', (data) => print({ event: 'lost', data }));
  session.on('retrying', (data) => print({ event: 'retrying', data }));

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      session.stop();
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    session.start();
  });

  const summary = tally.summary();
  out(json ? jsonSummary(target, summary) : `\n${formatSummary(target, summary)}`);
  return summary.connections > 0 ? 0 : 1;
}
