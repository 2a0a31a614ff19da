/** Renders the per-variant figures side by side, with Synack/bare ratios and deltas. */
import { fmt } from '../lib/report.ts';
import type { Table } from '../lib/section.ts';
import type { Figures } from './rounds.ts';

type Row = readonly [string, ...string[]];

/** A metric row: bare, Synack, then a comparison cell. */
function row(label: string, bare: Figures, synack: Figures, cell: (f: Figures) => string, compare: string): Row {
  return [label, cell(bare), cell(synack), compare];
}

function ratio(bare: Figures, synack: Figures, pick: (f: Figures) => number): string {
  return fmt.ratio(pick(synack) / pick(bare));
}

function failures(f: Figures): string {
  if (f.failures === 0) return '0';
  const codes = [...f.errors].map(([code, count]) => `${code}×${count}`).join(' ');
  return `${f.failures} (${codes})`;
}

/** The table for one load shape; `paced` swaps throughput-per-CPU rows for CPU % rows. */
export function figuresTable(title: string, names: readonly [string, string], [bare, synack]: readonly [Figures, Figures], paced: boolean): Table {
  const rows: Row[] = [
    row(paced ? 'achieved probes/s' : 'probes/s', bare, synack, (f) => fmt.count(f.rate), ratio(bare, synack, (f) => f.rate)),
    row('CPU ms / 1000 probes', bare, synack, (f) => fmt.fixed(f.cpuPer1000, 1), ratio(bare, synack, (f) => f.cpuPer1000)),
    row('client CPU % of a core', bare, synack, (f) => fmt.fixed(f.cpuPercent, paced ? 1 : 0), ratio(bare, synack, (f) => f.cpuPercent)),
    row('listener CPU % of a core', bare, synack, (f) => fmt.fixed(f.listenerCpuPercent, 0), ''),
    row('rest of machine CPU %', bare, synack, (f) => fmt.fixed(f.restCpuPercent, 0), ''),
    row('event-loop lag p99 ms', bare, synack, (f) => fmt.fixed(f.lagP99Ms, 2), ''),
    row('connect p50 ms', bare, synack, (f) => fmt.fixed(f.connectP50Ms, 3), fmt.deltaUs(synack.connectP50Ms - bare.connectP50Ms)),
    row('connect p99 ms', bare, synack, (f) => fmt.fixed(f.connectP99Ms, 3), fmt.deltaUs(synack.connectP99Ms - bare.connectP99Ms)),
    row('rounds used (undisturbed)', bare, synack, (f) => `${f.roundsUsed} of ${f.rounds}`, ''),
    row('probes (failures), all rounds', bare, synack, (f) => `${fmt.count(f.probes)} (${failures(f)})`, ''),
  ];
  return { title, columns: [names[0], names[1], 'Synack vs bare'], rows };
}
