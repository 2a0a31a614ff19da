/** The heartbeat benchmark (bench/heartbeat.ts prints its own figures) as a runner section. */
import { runHeartbeatBench } from './heartbeat.ts';
import type { Section } from './lib/section.ts';

export const section: Section = {
  name: 'heartbeat',
  summary: 'FIN/RST detection latency with 1,000 sessions at 1 s, CPU per 1,000 sessions, 10,000 idle passive sessions',
  async run() {
    await runHeartbeatBench();
    return { tables: [], checks: [], notes: ['Figures above, printed by bench/heartbeat.ts.'] };
  },
};
