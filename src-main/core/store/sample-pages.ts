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
    // Arrays, not objects with twelve named properties: a fraction of the garbage per row.
    this.selectPage.setReturnArrays(true);
  }

  /**
   * Pages of samples in [fromMs, toMs), oldest first. `beforePage` runs before each page is
   * read (the store flushes pending samples there), so a long export also sees recent rows.
   */
  pages(endpointId: number, fromMs: number, toMs: number, pageSize = DEFAULT_PAGE_SIZE, beforePage?: () => void): IterableIterator<StoredSample[]> {
    return new PageIterator(this.selectPage, (id) => this.strings.lookup(id), endpointId, Math.ceil(fromMs), toMs, Math.max(1, Math.floor(pageSize)), beforePage);
  }
}

/**
 * A plain iterator rather than a generator: between pages it holds only the resume key, so a
 * page handed out is garbage as soon as the caller drops it (a suspended generator's frame
 * could keep it alive across the caller's awaits, long enough to be promoted to the old heap).
 */
class PageIterator implements IterableIterator<StoredSample[]> {
  readonly #select: StatementSync;
  readonly #lookup: (id: number) => string | undefined;
  readonly #endpointId: number;
  readonly #toMs: number;
  readonly #size: number;
  readonly #beforePage: (() => void) | undefined;
  #ts: number;
  /** seq is never negative: -1 lets the first page include the first millisecond's seq 0. */
  #seq = -1;
  #done = false;

  constructor(
    select: StatementSync, lookup: (id: number) => string | undefined, endpointId: number, fromMs: number, toMs: number, size: number,
    beforePage: (() => void) | undefined,
  ) {
    this.#select = select;
    this.#lookup = lookup;
    this.#endpointId = endpointId;
    this.#ts = fromMs;
    this.#toMs = toMs;
    this.#size = size;
    this.#beforePage = beforePage;
  }

  [Symbol.iterator](): IterableIterator<StoredSample[]> {
    return this;
  }

  next(): IteratorResult<StoredSample[], undefined> {
    if (this.#done) return { done: true, value: undefined };
    this.#beforePage?.();
    const rows = this.#select.all(this.#endpointId, this.#ts, this.#toMs, this.#seq, this.#size) as unknown as RowArray[];
    const last = rows[rows.length - 1];
    if (last === undefined) {
      this.#done = true;
      return { done: true, value: undefined };
    }
    this.#ts = last[1];
    this.#seq = last[2];
    if (rows.length < this.#size) this.#done = true;
    return { done: false, value: rows.map((row) => decodeSample(fromArray(row), this.#lookup)) };
  }
}

/** A samples row as `setReturnArrays` gives it, in the SELECT's column order. */
type RowArray = [number, number, number, number, number | null, number | null, number | null, number | null, number | null, number | null, number | null, number | null];

function fromArray(r: RowArray): SampleRow {
  return {
    endpoint_id: r[0], ts: r[1], seq: r[2], flags: r[3], latency: r[4], dns: r[5], connect: r[6],
    first_byte: r[7], class: r[8], code: r[9], errno: r[10], address: r[11],
  };
}
