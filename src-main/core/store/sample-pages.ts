/**
 * Raw samples in keyset-paged order, for exports that may cover millions of rows: each page
 * is one short, fully read statement (no statement stays open while the caller awaits a
 * slow writer), and the next page resumes after the last (ts, seq) key seen, so memory is
 * bounded by the page size and no row is skipped or repeated when two share a millisecond.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { decodeSample, type SampleRow, type StoredSample } from './sample.ts';
import type { StringTable } from './string-table.ts';

/** Rows per page unless the caller says otherwise: a few hundred KB of decoded samples. */
export const DEFAULT_PAGE_SIZE = 5000;

export class SamplePager {
  private readonly strings: StringTable;
  private readonly selectPage: StatementSync;

  constructor(db: DatabaseSync, strings: StringTable) {
    this.strings = strings;
    // `ts >= ?` keeps the primary-key range seek; the OR skips the rows of the resume
    // millisecond already returned.
    this.selectPage = db.prepare(
      'SELECT endpoint_id, ts, seq, flags, latency, dns, connect, first_byte, class, code, errno, address FROM samples '
      + 'WHERE endpoint_id = ?1 AND ts >= ?2 AND ts < ?3 AND (ts > ?2 OR seq > ?4) ORDER BY ts, seq LIMIT ?5',
    );
  }

  /**
   * Pages of samples in [fromMs, toMs), oldest first. `beforePage` runs before each page is
   * read (the store flushes pending samples there), so a long export also sees recent rows.
   */
  *pages(endpointId: number, fromMs: number, toMs: number, pageSize = DEFAULT_PAGE_SIZE, beforePage?: () => void): Generator<StoredSample[]> {
    const size = Math.max(1, Math.floor(pageSize));
    let ts = Math.ceil(fromMs);
    // seq is never negative: -1 lets the first page include the first millisecond's seq 0.
    let seq = -1;
    for (;;) {
      beforePage?.();
      const rows = this.selectPage.all(endpointId, ts, toMs, seq, size) as unknown as SampleRow[];
      if (rows.length === 0) return;
      const last = rows[rows.length - 1]!;
      ts = last.ts;
      seq = last.seq;
      yield rows.map((row) => decodeSample(row, (id) => this.strings.lookup(id)));
      if (rows.length < size) return;
    }
  }
}
