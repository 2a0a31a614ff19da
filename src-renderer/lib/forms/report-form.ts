/**
 * The report export form's model: format, range and scope as typed, the request they make,
 * and the errors the contract's own report schema finds in it.
 */
import { issuesOf } from '../../../src-main/core/endpoints/validation-error.ts';
import { reportRequestSchema, type ReportFormat, type ReportRequest } from '../../../src-main/core/report/report-request.ts';
import { fromDateTimeLocal, toDateTimeLocal } from '../format.ts';
import type { FieldErrors } from './endpoint-form.ts';

export type ReportRange = '24h' | '7d' | '30d' | 'custom';
export type ReportScope = 'all' | 'tag' | 'endpoint';

export interface ReportFormValues {
  format: ReportFormat;
  range: ReportRange;
  /** `datetime-local` values, used by the custom range. */
  from: string;
  to: string;
  scope: ReportScope;
  tag: string;
}

const SPANS: Readonly<Record<Exclude<ReportRange, 'custom'>, number>> = { '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 };

export function reportValues(now: number, scope: ReportScope = 'all'): ReportFormValues {
  return { format: 'html', range: '24h', from: toDateTimeLocal(now - SPANS['24h']), to: toDateTimeLocal(now), scope, tag: '' };
}

/** The request the values describe (unchecked: the schema judges it). */
export function reportRequestOf(values: ReportFormValues, now: number, endpointId?: number): ReportRequest {
  const [from, to] = values.range === 'custom' ? [fromDateTimeLocal(values.from), fromDateTimeLocal(values.to)] : [now - SPANS[values.range], now];
  return {
    from,
    to,
    format: values.format,
    ...(values.scope === 'tag' ? { tags: [values.tag] } : {}),
    ...(values.scope === 'endpoint' && endpointId !== undefined ? { endpointIds: [endpointId] } : {}),
  } as unknown as ReportRequest;
}

export function validateReport(values: ReportFormValues, now: number, endpointId?: number): FieldErrors {
  const request = reportRequestOf(values, now, endpointId);
  const parsed = reportRequestSchema.safeParse(request);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of issuesOf(parsed.error, request)) errors[issue.field.replace(/^tags\.\d+$/, 'tags')] ??= issue.message;
  return errors;
}
