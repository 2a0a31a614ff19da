/**
 * `synack` command dispatcher. Each command lives in `commands/<name>.ts` and exports a
 * `Command`; adding one is one line in COMMANDS.
 */
import type { Command } from './command.ts';

const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  probe: async () => (await import('./commands/probe.ts')).command,
  run: async () => (await import('./commands/run.ts')).command,
  endpoints: async () => (await import('./commands/endpoints.ts')).command,
  watch: async () => (await import('./commands/watch.ts')).command,
  serve: async () => (await import('./commands/serve.ts')).command,
  report: async () => (await import('./commands/report.ts')).command,
};

export const USAGE = `synack — TCP/UDP monitor that says why a connection failed

Usage: synack <command> [options]

Commands:
${'__COMMANDS__'}

Run "synack <command> --help" for a command's options.`;

function usage(): string {
  const lines = Object.keys(COMMANDS).map((name) => `  ${name}`);
  return USAGE.replace('__COMMANDS__', lines.join('\n'));
}

/** Runs the CLI; resolves to the process exit code (0 ok, 1 target failed, 2 usage error). */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`synack: unknown command "${name}"\n\n${usage()}\n`);
    return 2;
  }
  const command = await load();
  return command.run(rest);
}
