import { describe, expect, it } from 'vitest';
import { reportRequestOf, reportValues, validateReport } from '../../../../src-renderer/lib/forms/report-form.ts';

const now = new Date(2026, 10, 25, 12, 0).getTime();

describe('report form model', () => {
  it('asks for the last 24 hours of every endpoint as HTML by default', () => {
    expect(reportRequestOf(reportValues(now), now)).toEqual({ from: now - 86_400_000, to: now, format: 'html' });
    expect(validateReport(reportValues(now), now)).toEqual({});
  });

  it('scopes to a tag or to one endpoint', () => {
    expect(reportRequestOf({ ...reportValues(now), scope: 'tag', tag: 'prod', range: '7d', format: 'pdf' }, now)).toEqual({ from: now - 7 * 86_400_000, to: now, format: 'pdf', tags: ['prod'] });
    expect(reportRequestOf({ ...reportValues(now, 'endpoint'), range: '30d' }, now, 4)).toMatchObject({ endpointIds: [4], from: now - 30 * 86_400_000 });
  });

  it('reads a custom range and reports its problems with the schema messages', () => {
    const custom = { ...reportValues(now), range: 'custom' as const, from: '2026-11-20T00:00', to: '2026-11-21T00:00' };
    expect(reportRequestOf(custom, now)).toMatchObject({ from: new Date(2026, 10, 20).getTime(), to: new Date(2026, 10, 21).getTime() });
    expect(validateReport({ ...custom, to: '2026-11-19T00:00' }, now)['to']).toBe('must be after from');
    expect(validateReport({ ...custom, from: '' }, now)['from']).toBe('is required');
    expect(validateReport({ ...reportValues(now), scope: 'tag', tag: '' }, now)['tags']).toBeDefined();
  });
});
