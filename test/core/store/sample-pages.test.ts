import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src-main/core/store/index.ts';
import { failedSample, okSample, T0, tempDir, testStore, type TempDir } from './helpers.ts';

let dir: TempDir;
let store: Store;
beforeEach(() => {
  dir = tempDir();
  ({ store } = testStore(dir.file('synack.db')));
});
afterEach(() => {
  store.close();
  dir.remove();
});

describe('Store.samplePages (keyset paging)', () => {
  it('returns every sample in the range once, in order, across pages — also samples sharing a millisecond', () => {
    // 1,000 samples; every 10th millisecond holds three samples (seq 0, 1, 2), so pages split inside a millisecond.
    const written: number[] = [];
    for (let i = 0; i < 800; i++) {
      const ts = T0 + i * 7;
      const copies = i % 10 === 0 ? 3 : 1;
      for (let c = 0; c < copies; c++) {
        store.writer.add(okSample(1, ts, 10 + c, { address: `10.0.0.${c}` }));
        written.push(ts);
      }
    }
    store.writer.add(failedSample(2, T0 + 5, 'refused', 'ECONNREFUSED'));
    store.writer.flush();
    for (const pageSize of [1, 7, 160, 100_000]) {
      const pages = [...store.samplePages(1, T0, T0 + 10_000_000, pageSize)];
      const all = pages.flat();
      expect(all.map((s) => s.ts)).toEqual(written);
      expect(pages.every((page) => page.length <= pageSize)).toBe(true);
      // The three samples of a millisecond keep their order (seq) and identity.
      expect(all.slice(0, 3).map((s) => s.address)).toEqual(['10.0.0.0', '10.0.0.1', '10.0.0.2']);
      expect(all.every((s) => s.endpointId === 1)).toBe(true);
    }
  });

  it('honours [from, to) and decodes failures', () => {
    for (let i = 0; i < 10; i++) store.writer.add(i % 2 === 0 ? okSample(1, T0 + i * 1000, 5) : failedSample(1, T0 + i * 1000, 'timeout', 'TIMEOUT', { errno: -110 }));
    const pages = [...store.samplePages(1, T0 + 2000, T0 + 5000, 2)];
    expect(pages.map((page) => page.map((s) => s.ts - T0))).toEqual([[2000, 3000], [4000]]);
    expect(pages[0]![1]).toMatchObject({ ok: false, failureClass: 'timeout', code: 'TIMEOUT', errno: -110 });
    expect([...store.samplePages(1, T0 + 20_000, T0 + 30_000)]).toEqual([]);
  });

  it('sees samples written between pages (each page flushes pending samples first)', () => {
    for (let i = 0; i < 4; i++) store.writer.add(okSample(1, T0 + i, 1));
    const pages = store.samplePages(1, T0, T0 + 1000, 2);
    expect(pages.next().value).toHaveLength(2);
    store.writer.add(okSample(1, T0 + 500, 1));
    const rest = [...pages].flat().map((s) => s.ts - T0);
    expect(rest).toEqual([2, 3, 500]);
  });
});
