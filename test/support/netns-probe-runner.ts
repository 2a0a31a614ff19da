/**
 * Runs probes from inside a namespace and prints each request's outcomes as one JSON line:
 *   node test/support/netns-probe-runner.ts '{"probes":[{"kind":"tcp","host":"10.251.2.2","port":80}]}'
 * Requests run one after another, in order. `send` is a UTF-8 string, `expect` the CLI form
 * (`text` or `/regex/`), and `resolver` points a c-ares Resolver at specific DNS servers.
 */
import { promises as dnsPromises } from 'node:dns';
import { z } from 'zod';
import { parseExpectation } from '../../src-main/core/probe/expect.ts';
import { probe, probeEveryAddress } from '../../src-main/core/probe/registry.ts';
import { resolverLookup } from '../../src-main/core/probe/resolve.ts';
import type { ProbeOptions, ProbeOutcome } from '../../src-main/core/probe/types.ts';

export const probeRequestSchema = z.object({
  kind: z.enum(['tcp', 'udp']),
  host: z.string(),
  port: z.number().int(),
  every: z.boolean().optional(),
  timeoutMs: z.number().int().positive().optional(),
  family: z.union([z.literal('auto'), z.literal(4), z.literal(6)]).optional(),
  send: z.string().optional(),
  expect: z.string().optional(),
  localAddress: z.string().optional(),
  localPort: z.number().int().optional(),
  resolver: z
    .object({
      servers: z.array(z.string()).min(1),
      timeout: z.number().int().positive(),
      tries: z.number().int().positive(),
      /** The resolver's IPv4 source address (a fresh source escapes ICMP rate limiting). */
      localAddress: z.string().optional(),
    })
    .optional(),
});

export type ProbeRequest = z.infer<typeof probeRequestSchema>;

/** One printed line: the outcomes of one request (one, or one per address with `every`). */
export interface ProbeResultLine {
  readonly outcomes: ProbeOutcome[];
}

function optionsFor(request: ProbeRequest): ProbeOptions {
  let options: ProbeOptions = {};
  if (request.timeoutMs !== undefined) options = { ...options, timeoutMs: request.timeoutMs };
  if (request.family !== undefined) options = { ...options, family: request.family };
  if (request.send !== undefined) options = { ...options, send: Buffer.from(request.send, 'utf8') };
  if (request.expect !== undefined) options = { ...options, expect: parseExpectation(request.expect) };
  if (request.localAddress !== undefined) options = { ...options, localAddress: request.localAddress };
  if (request.localPort !== undefined) options = { ...options, localPort: request.localPort };
  if (request.resolver !== undefined) {
    const resolver = new dnsPromises.Resolver({ timeout: request.resolver.timeout, tries: request.resolver.tries });
    resolver.setServers(request.resolver.servers);
    if (request.resolver.localAddress !== undefined) resolver.setLocalAddress(request.resolver.localAddress);
    options = { ...options, lookup: resolverLookup(resolver) };
  }
  return options;
}

async function main(): Promise<void> {
  const { probes } = z.object({ probes: z.array(probeRequestSchema) }).parse(JSON.parse(process.argv[2] ?? '{}'));
  for (const request of probes) {
    const target = { host: request.host, port: request.port };
    const options = optionsFor(request);
    const outcomes = request.every ? await probeEveryAddress(request.kind, target, options) : [await probe(request.kind, target, options)];
    const line: ProbeResultLine = { outcomes };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
