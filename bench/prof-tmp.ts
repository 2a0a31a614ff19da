import { startListeners } from './lib/listeners.ts';
import { runWindow } from './probe-engine/load.ts';
import { VARIANTS } from './probe-engine/dialers.ts';
const l = await startListeners(16);
const v = VARIANTS[Number(process.argv[2] ?? 1)]!;
try {
  await runWindow(v.dial, l.host, l.ports, 64, 1000);
  const r = await runWindow(v.dial, l.host, l.ports, 64, 4000);
  console.log(v.name, Math.round(r.completed / r.meter.wallMs * 1000), (r.meter.cpuMs / r.completed * 1000).toFixed(1));
} finally { await l.close(); }
