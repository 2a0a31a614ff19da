/**
 * What a user asks a report for, as the contract carries it. Isomorphic (the renderer's
 * export dialog validates with it too): zod only, no `node:` imports.
 */
import { z } from 'zod';

export const REPORT_FORMATS = ['html', 'pdf', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const time = z.number({ error: 'must be a time in ms' }).int('must be a whole number of ms').nonnegative('must not be negative');

export const reportRequestSchema = z
  .object({
    /** Start of the range, ms since the epoch (inclusive). */
    from: time,
    /** End of the range, ms since the epoch (exclusive). */
    to: time,
    /** Only these endpoints; all when absent (combined with `tags` as "any of"). */
    endpointIds: z.array(z.number().int().positive()).max(10_000).optional(),
    /** Only endpoints carrying one of these tags. */
    tags: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
    format: z.enum(REPORT_FORMATS, { error: 'must be html, pdf, csv or json' }),
  })
  .strict()
  .refine((request) => request.to > request.from, { message: 'must be after from', path: ['to'] });

export type ReportRequest = z.output<typeof reportRequestSchema>;
