/**
 * The raw samples CSV, streamed: samples are read in keyset pages, each page becomes one CSV
 * chunk (csv-stringify), and the chunks flow into the destination with backpressure (the
 * pipeline stops pulling pages while the file is slow), so any number of rows exports in
 * bounded memory: about one page of samples and its text at a time.
 */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import type { SampleDto } from '../../ipc/dto.ts';
import { fixed } from './render-csv.ts';

export const SAMPLE_COLUMNS = [
  'timestamp', 'endpoint', 'endpoint_id', 'kind', 'ok', 'latency_ms', 'dns_ms', 'connect_ms', 'first_byte_ms',
  'failure_class', 'code', 'errno', 'address', 'inconclusive', 'syn_retransmits',
] as const;

/** Where samples come from: MonitorService (or the store behind it). */
export interface SampleSource {
  samplePages(endpointId: number, from: number, to: number, pageSize?: number): Iterable<readonly SampleDto[]>;
}

export interface SamplesCsvOptions {
  /** Called with the rows written so far, about every `progressEvery` rows and at the end. */
  readonly onProgress?: (rows: number) => void;
  /** @default 10000 */
  readonly progressEvery?: number;
  /** Rows read per page. @default 5000 */
  readonly pageSize?: number;
  /** Stops the export (the pipeline rejects with an AbortError). */
  readonly signal?: AbortSignal;
}

/** Writes every sample of `endpoints` in [from, to) to `out`, endpoint by endpoint, oldest first; resolves to the row count. */
export async function writeSamplesCsv(
  source: SampleSource,
  endpoints: readonly { readonly id: number; readonly name: string }[],
  from: number,
  to: number,
  out: Writable,
  options: SamplesCsvOptions = {},
): Promise<number> {
  let rows = 0;
  const every = Math.max(1, options.progressEvery ?? 10_000);
  function* chunks(): Generator<string> {
    yield stringify([[...SAMPLE_COLUMNS]]);
    for (const endpoint of endpoints) {
      for (const page of source.samplePages(endpoint.id, from, to, options.pageSize)) {
        if (page.length === 0) continue;
        const before = rows;
        rows += page.length;
        if (options.onProgress && Math.floor(rows / every) > Math.floor(before / every)) {
          // Outside the generator's frame: a callback that aborts must not close a running generator.
          const reached = rows;
          queueMicrotask(() => options.onProgress?.(reached));
        }
        // One chunk per page: per-row stream items would cost more than the CSV itself.
        yield stringify(page.map((sample) => sampleRow(sample, endpoint.name)));
      }
    }
  }
  await pipeline(Readable.from(chunks(), { objectMode: false }), out, options.signal ? { signal: options.signal } : {});
  options.onProgress?.(rows);
  return rows;
}

function sampleRow(s: SampleDto, endpoint: string): (string | number)[] {
  return [
    new Date(s.ts).toISOString(),
    endpoint,
    s.endpointId,
    s.kind,
    s.ok ? 'true' : 'false',
    fixed(s.latencyMs, 3),
    fixed(s.phases?.dns, 3),
    fixed(s.phases?.connect, 3),
    fixed(s.phases?.firstByte, 3),
    s.failureClass ?? '',
    s.code ?? '',
    s.errno ?? '',
    s.address ?? '',
    s.inconclusive ? 'true' : 'false',
    s.synRetransmits ?? 0,
  ];
}
