/**
 * Benchmark runner: `npm run bench [-- <filter>…]`. Runs every section whose name contains a
 * filter (all when none is given) and prints each section's tables, notes and PASS/MISS
 * against its targets. A MISS is a finding, not a failure: the exit code is 0 unless a
 * section could not run. Never part of `npm test`.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { describeMachine } from './lib/machine.ts';
import { formatChecks, formatTable } from './lib/report.ts';
import type { Check, Section } from './lib/section.ts';

/** Sections by name, loaded only when selected. */
const SECTIONS: readonly { readonly name: string; readonly load: () => Promise<Section> }[] = [
  { name: 'probe-engine', load: async () => (await import('./probe-engine.ts')).section },
  { name: 'heartbeat', load: async () => (await import('./heartbeat-section.ts')).section },
  { name: 'storage', load: async () => (await import('./storage-section.ts')).section },
  { name: 'monitor-service', load: async () => (await import('./monitor-service.ts')).section },
  { name: 'renderer', load: async () => (await import('./renderer.ts')).section },
  { name: 'reports', load: async () => (await import('./reports.ts')).section },
];

const USAGE = `Usage: npm run bench [-- [filter…] [--list]]
  filter   run only sections whose name contains it (e.g. "probe")
  --list   list the sections and exit`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { list: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.list) {
    for (const { name } of SECTIONS) process.stdout.write(`${name}\n`);
    return 0;
  }
  const filters = positionals.map((filter) => filter.toLowerCase());
  const selected = SECTIONS.filter(({ name }) => filters.length === 0 || filters.some((filter) => name.includes(filter)));
  if (selected.length === 0) {
    process.stderr.write(`bench: no section matches ${filters.join(', ')}; sections: ${SECTIONS.map(({ name }) => name).join(', ')}\n`);
    return 2;
  }

  const log = (line: string): void => void process.stdout.write(`${line}\n`);
  log(`Synack benchmarks · ${describeMachine()} · load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  const allChecks: Check[] = [];
  let broken = 0;
  for (const entry of selected) {
    const section = await entry.load();
    log(`\n== ${section.name}: ${section.summary}`);
    const started = performance.now();
    try {
      const report = await section.run((line) => log(`  ${line}`));
      for (const table of report.tables) log(`\n${formatTable(table)}`);
      if (report.notes.length > 0) log(`\n${report.notes.map((note) => `· ${note}`).join('\n')}`);
      if (report.checks.length > 0) log(`\n${formatChecks(report.checks)}`);
      allChecks.push(...report.checks);
    } catch (error) {
      broken++;
      log(`section ${section.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    log(`(${section.name}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  const missed = allChecks.filter((check) => !check.pass).length;
  log(`\n${allChecks.length - missed} PASS, ${missed} MISS${broken > 0 ? `, ${broken} section(s) failed to run` : ''}`);
  return broken > 0 ? 1 : 0;
}

process.exitCode = await main();
