/**
 * `synack endpoints add|list|rm|import|export`: manage saved endpoints in the database,
 * through the same service and schema as the app.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Endpoint, EndpointInput } from '../../core/endpoints/endpoint-schema.ts';
import { ValidationError } from '../../core/endpoints/validation-error.ts';
import { ConflictError, NotFoundError } from '../../core/monitor/history-store.ts';
import { parseExpectation } from '../../core/probe/expect.ts';
import { parseDuration, DURATION_EXAMPLES } from '../../core/util/duration.ts';
import type { Command } from '../command.ts';
import { processIo, type CliIo } from '../io.ts';
import { parsePayload } from '../probe/payload.ts';
import { parseTarget, formatTarget } from '../probe/target.ts';
import { DB_OPTION, DB_USAGE, openService } from '../service/db-option.ts';
import { UsageError } from '../usage-error.ts';

export const ENDPOINTS_USAGE = `Usage:
  synack endpoints add NAME HOST:PORT [--kind tcp|udp|heartbeat] [--interval 5s] [--timeout 2s]
                   [--send STR] [--expect STR|/re/] [--tag T]... [--passive] [--depends-on NAME]
  synack endpoints list [--json]
  synack endpoints rm NAME
  synack endpoints import FILE          (.json or .csv; all-or-nothing)
  synack endpoints export [--format json|csv]

Options:
${DB_USAGE}
`;

const OPTIONS = {
  ...DB_OPTION,
  kind: { type: 'string' },
  interval: { type: 'string' },
  timeout: { type: 'string' },
  send: { type: 'string' },
  expect: { type: 'string' },
  tag: { type: 'string', multiple: true },
  passive: { type: 'boolean' },
  'depends-on': { type: 'string' },
  json: { type: 'boolean' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runEndpointsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`synack endpoints: ${(error as Error).message}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [action, ...rest] = positionals;
  if (values.help || action === undefined) {
    io.out(ENDPOINTS_USAGE);
    return action === undefined && !values.help ? 2 : 0;
  }
  let service;
  try {
    service = openService(values.db, io.err);
  } catch (error) {
    io.err(`synack endpoints: cannot open the database: ${(error as Error).message}\n`);
    return 1;
  }
  try {
    switch (action) {
      case 'add': {
        const [name, target, ...extra] = rest;
        if (name === undefined || target === undefined) throw new UsageError('add needs NAME and HOST:PORT');
        if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
        const endpoint = service.addEndpoint(endpointFromArgs(name, target, values) as Parameters<typeof service.addEndpoint>[0]);
        io.out(`added ${endpoint.name} (${formatTarget(endpoint.host, endpoint.port)}, ${endpoint.kind}, every ${endpoint.intervalMs} ms)\n`);
        return 0;
      }
      case 'list': {
        noExtra(rest);
        const endpoints = service.listEndpoints();
        if (values.json) for (const endpoint of endpoints) io.out(`${JSON.stringify(endpoint)}\n`);
        else io.out(listTable(endpoints));
        return 0;
      }
      case 'rm': {
        const [name, ...extra] = rest;
        if (name === undefined) throw new UsageError('rm needs NAME');
        noExtra(extra);
        const endpoint = service.listEndpoints().find((e) => e.name === name);
        if (!endpoint) throw new NotFoundError(`no endpoint named "${name}"`);
        service.removeEndpoint(endpoint.id);
        io.out(`removed ${name}\n`);
        return 0;
      }
      case 'import': {
        const [file, ...extra] = rest;
        if (file === undefined) throw new UsageError('import needs FILE');
        noExtra(extra);
        const format = file.toLowerCase().endsWith('.csv') ? 'csv' : 'json';
        const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
          throw new UsageError(`cannot read ${file}: ${error.code ?? error.message}`);
        });
        const report = service.importEndpoints(text, format);
        if (report.problems.length > 0) {
          io.err(`synack endpoints: nothing imported from ${file}; fix these and try again:\n`);
          for (const p of report.problems) io.err(`  ${p.row === 0 ? 'file' : `row ${p.row}`}: ${p.field || 'value'} ${p.message}\n`);
          return 2;
        }
        io.out(`imported ${report.imported} endpoint(s) from ${file}\n`);
        return 0;
      }
      case 'export': {
        noExtra(rest);
        const format = values.format ?? 'json';
        if (format !== 'json' && format !== 'csv') throw new UsageError(`--format: "${format}" is not json or csv`);
        io.out(service.exportEndpoints(format));
        return 0;
      }
      default:
        throw new UsageError(`unknown action "${action}" (add, list, rm, import, export)`);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof ValidationError) {
      io.err(`synack endpoints: ${error.message}\n`);
      return 2;
    }
    if (error instanceof NotFoundError || error instanceof ConflictError) {
      io.err(`synack endpoints: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await service.stop();
  }
}

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function endpointFromArgs(name: string, targetText: string, values: Values): EndpointInput {
  const target = parseTarget(targetText);
  const input: Record<string, unknown> = { name, host: target.host, port: target.port };
  if (values.kind !== undefined) input['kind'] = values.kind;
  if (values.interval !== undefined) input['intervalMs'] = duration('--interval', values.interval);
  if (values.timeout !== undefined) input['timeoutMs'] = duration('--timeout', values.timeout);
  if (values.send !== undefined) input['send'] = payloadFromArg(values.send);
  if (values.expect !== undefined) {
    try {
      input['expect'] = parseExpectation(values.expect);
    } catch (error) {
      throw new UsageError(`--expect: ${(error as Error).message}`);
    }
  }
  if (values.tag !== undefined) input['tags'] = values.tag;
  if (values.passive) input['heartbeat'] = { mode: 'passive' };
  if (values['depends-on'] !== undefined) input['dependsOn'] = values['depends-on'];
  return input as EndpointInput;
}

function duration(flag: string, text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined) throw new UsageError(`${flag}: "${text}" is not a duration (use ${DURATION_EXAMPLES})`);
  return ms;
}

/** Plain text is kept as text; escapes and `hex:` (parsed as by `synack probe --send`) are stored as hex. */
function payloadFromArg(text: string): { encoding: 'text' | 'hex'; value: string } {
  if (!text.includes('\\') && !text.startsWith('hex:')) return { encoding: 'text', value: text };
  try {
    return { encoding: 'hex', value: Buffer.from(parsePayload(text)).toString('hex') };
  } catch (error) {
    throw new UsageError(`--send: ${(error as Error).message}`);
  }
}

function noExtra(extra: readonly string[]): void {
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
}

function listTable(endpoints: readonly Endpoint[]): string {
  if (endpoints.length === 0) return 'no endpoints saved (add one with: synack endpoints add NAME HOST:PORT)\n';
  const rows = endpoints.map((e) => [e.name, formatTarget(e.host, e.port), e.kind, `${e.intervalMs / 1000}s`, e.paused ? 'paused' : 'active', e.tags.join(',')]);
  const header = ['NAME', 'TARGET', 'KIND', 'EVERY', 'STATE', 'TAGS'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string => `${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()}\n`;
  return line(header) + rows.map(line).join('');
}

export const command: Command = {
  summary: 'manage saved endpoints: add, list, rm, import, export',
  run: (argv) => runEndpointsCommand(argv, processIo()),
};
