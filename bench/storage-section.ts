/** The storage benchmark (bench/storage.ts prints its own figures) as a runner section. */
import type { Section } from './lib/section.ts';
import { runStorageBench } from './storage.ts';

export const section: Section = {
  name: 'storage',
  summary: 'SQLite writes, bytes per sample, series/summary queries on a week of 1 s history, pruning steps',
  async run() {
    await runStorageBench();
    return { tables: [], checks: [], notes: ['Figures above, printed by bench/storage.ts; "MISSED" marks a target not met.'] };
  },
};
