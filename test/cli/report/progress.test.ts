import { describe, expect, it } from 'vitest';
import { rowProgress } from '../../../src-main/cli/report/progress.ts';

describe('rowProgress', () => {
  it('redraws one line on a terminal, at most every 200 ms, below 100 % until done, then clears it', () => {
    const written: string[] = [];
    let now = 0;
    const progress = rowProgress((text) => written.push(text), true, 'samples', 1000, () => now);
    now = 1000;
    progress.update(250);
    now = 1100;
    progress.update(400);
    now = 1300;
    progress.update(1000);
    progress.done();
    expect(written).toEqual([
      '\rsamples: 25% (250 of ~1,000 rows)\u001b[K',
      '\rsamples: 99% (1,000 of ~1,000 rows)\u001b[K',
      '\r\u001b[K',
    ]);
  });

  it('writes nothing when stderr is not a terminal', () => {
    const written: string[] = [];
    const progress = rowProgress((text) => written.push(text), false, 'samples', 10);
    progress.update(5);
    progress.done();
    expect(written).toEqual([]);
  });
});
