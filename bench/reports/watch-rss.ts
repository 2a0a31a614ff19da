/** Peak memory of a child process, read from /proc every 50 ms (Linux). */
import { readFileSync } from 'node:fs';

export interface RssWatch {
  /** Stops sampling; the peak seen (max of VmRSS samples and the kernel's VmHWM), in bytes. */
  stop(): { peakBytes: number; samples: number };
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

export function watchRss(pid: number, everyMs = 50): RssWatch {
  let peak = 0;
  let samples = 0;
  const sample = (): void => {
    const rss = statusKb(pid, 'VmRSS');
    const hwm = statusKb(pid, 'VmHWM');
    if (rss === undefined && hwm === undefined) return;
    samples++;
    peak = Math.max(peak, rss ?? 0, hwm ?? 0);
  };
  const timer = setInterval(sample, everyMs);
  sample();
  return {
    stop() {
      clearInterval(timer);
      return { peakBytes: peak, samples };
    },
  };
}
