/**
 * A one-line progress indicator for long exports, redrawn in place on stderr when it is a
 * terminal (at most a few times per second) and silent otherwise, so logs and pipes stay clean.
 */
import type { Writer } from '../io.ts';

const REDRAW_MS = 200;
const grouped = new Intl.NumberFormat('en-US');

export interface Progress {
  update(rows: number): void;
  /** Clears the line. */
  done(): void;
}

/** `total` is the expected row count (from the rollups); shown as a percentage, capped below 100 until done. */
export function rowProgress(err: Writer, isTty: boolean, label: string, total: number, now: () => number = Date.now): Progress {
  if (!isTty) return { update: () => {}, done: () => {} };
  let last = 0;
  let drawn = false;
  return {
    update(rows) {
      const t = now();
      if (t - last < REDRAW_MS) return;
      last = t;
      const pct = total > 0 ? Math.min(99, Math.floor((rows / total) * 100)) : 0;
      err(`\r${label}: ${pct}% (${grouped.format(rows)} of ~${grouped.format(total)} rows)\u001b[K`);
      drawn = true;
    },
    done() {
      if (drawn) err('\r\u001b[K');
    },
  };
}
