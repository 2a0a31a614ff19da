import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { endpointInputSchema } from '../../../src-main/core/endpoints/endpoint-schema.ts';
import { exportEndpoints, importEndpoints } from '../../../src-main/core/endpoints/import-export.ts';

const endpoints = [
  endpointInputSchema.parse({ name: 'web', host: 'example.test', port: 443, tags: ['prod', 'edge'] }),
  endpointInputSchema.parse({
    name: 'redis, "main"', host: '::1', port: 6379, kind: 'heartbeat', intervalMs: 1000, timeoutMs: 500,
    send: { encoding: 'text', value: 'PING\r\n' }, expect: { kind: 'regex', source: '^\\+PONG', flags: 'i' },
  }),
  endpointInputSchema.parse({ name: 'dns', host: '192.0.2.53', port: 53, kind: 'udp', send: { encoding: 'hex', value: 'abcd' }, paused: true }),
];

describe('endpoint import/export', () => {
  it.each(['json', 'csv'] as const)('round-trips through %s', (format) => {
    const text = exportEndpoints(endpoints, format);
    const result = importEndpoints(text, format, new Set());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const strip = (list: typeof endpoints) => list.map(({ name, host, port, kind, intervalMs, timeoutMs, send, expect, tags, paused }) => ({ name, host, port, kind, intervalMs, timeoutMs, send, expect, tags, paused }));
    expect(strip([...result.endpoints])).toEqual(strip(endpoints));
  });

  it('writes CSV a real CSV parser reads back, quoting commas and quotes', () => {
    const records = parse(exportEndpoints(endpoints, 'csv'), { columns: true }) as Record<string, string>[];
    expect(records[1]?.['name']).toBe('redis, "main"');
    expect(records[0]?.['tags']).toBe('prod;edge');
  });

  it('rejects the whole import, reporting every bad row and field', () => {
    const csv = 'name,host,port\nok,example.test,80\nbad,example.test,70000\n,example.test,80\nworse,bad host,abc\n';
    const result = importEndpoints(csv, 'csv', new Set());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { row: 2, field: 'port', message: 'must be between 1 and 65535' },
      { row: 3, field: 'name', message: 'is required' },
      { row: 4, field: 'host', message: 'must be a host name, an IPv4 address or an IPv6 address' },
      { row: 4, field: 'port', message: 'must be a number' },
    ]);
  });

  it('reports duplicates within the file and against saved endpoints, never merging', () => {
    const csv = 'name,host,port\nweb,a.test,80\nWEB,b.test,80\ndb,c.test,5432\n';
    const result = importEndpoints(csv, 'csv', new Set(['db']));
    expect(result).toEqual({
      ok: false,
      problems: [
        { row: 2, field: 'name', message: '"WEB" duplicates row 1' },
        { row: 3, field: 'name', message: '"db" already exists' },
      ],
    });
  });

  it.each([
    ['not json', 'json', 'is not valid JSON'],
    ['{"synack":"other","version":1,"endpoints":[]}', 'json', 'must be "endpoints"'],
    ['{"synack":"endpoints","version":9,"endpoints":[]}', 'json', 'must be 1'],
    ['name,host,port,colour\nx,a.test,1,red\n', 'csv', 'is not a known column'],
    ['name,host,port\n"unterminated,a.test,1\n', 'csv', 'is not valid CSV'],
  ] as const)('rejects a malformed file (%s) with a clear message', (text, format, message) => {
    const result = importEndpoints(text, format, new Set());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.message).toContain(message);
  });
});
