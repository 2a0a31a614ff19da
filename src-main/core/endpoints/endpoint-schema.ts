/**
 * The one schema for a saved endpoint. The service, the CLI, imports, IPC and the
 * renderer's forms all validate with it, so an error names the same field and rule wherever
 * the input came from. Isomorphic: no `node:` imports (the renderer bundles it).
 */
import { z } from 'zod';
import { FAILURE_CLASSES } from '../classify/failure-classes.ts';

export const ENDPOINT_KINDS = ['tcp', 'udp', 'heartbeat'] as const;
export type EndpointKind = (typeof ENDPOINT_KINDS)[number];

export const MIN_INTERVAL_MS = 250;
export const MAX_PAYLOAD_BYTES = 4096;

/** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens. */
const HOSTNAME = /^(?=.{1,253}\.?$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

export const hostSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .transform((host) => (host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host))
  .refine((host) => isIpLiteral(host) || (HOSTNAME.test(host) && !/^[\d.]+$/.test(host)), {
    message: 'must be a host name, an IPv4 address or an IPv6 address',
  });

export const portSchema = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535');

/** A payload is text (with the usual escapes already applied) or hex. */
export const payloadSchema = z
  .discriminatedUnion('encoding', [
    z.object({ encoding: z.literal('text'), value: z.string() }),
    z.object({ encoding: z.literal('hex'), value: z.string().regex(/^(?:[0-9a-f]{2})*$/i, 'must be pairs of hex digits') }),
  ])
  .refine((payload) => payloadBytes(payload).length <= MAX_PAYLOAD_BYTES, { message: `must be at most ${MAX_PAYLOAD_BYTES} bytes` });

export type Payload = z.infer<typeof payloadSchema>;

export const expectationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('any') }),
  z.object({ kind: z.literal('string'), value: z.string().min(1, 'must not be empty').max(MAX_PAYLOAD_BYTES) }),
  z
    .object({ kind: z.literal('regex'), source: z.string().min(1).max(1024), flags: z.string().regex(/^[imsu]*$/, 'may only use the flags i, m, s, u') })
    .refine((regex) => isValidRegex(regex.source, regex.flags), { message: 'is not a valid regular expression', path: ['source'] }),
]);

const failureClassSchema = z.enum(FAILURE_CLASSES);

export const thresholdsSchema = z.object({
  /** Consecutive failures before `down`. */
  downAfter: z.number().int().min(1).max(100).default(3),
  /** Per-class override, e.g. refused → 1 (a refusal is certain), timeout → 5. */
  downAfterByClass: z.partialRecord(failureClassSchema, z.number().int().min(1).max(100)).default({}),
  /** Consecutive successes to return to `up` after `down`. */
  recoverAfter: z.number().int().min(1).max(100).default(2),
  /** Latency above which a success counts as slow (ms); none means never degraded. */
  degradedLatencyMs: z.number().positive().max(600_000).optional(),
  /** Consecutive slow successes before `degraded`. */
  degradedAfter: z.number().int().min(1).max(100).default(3),
});

export type Thresholds = z.infer<typeof thresholdsSchema>;

export const heartbeatOptionsSchema = z.object({
  /** `active` sends `send` every interval and expects a reply; `passive` only watches. @default active with `send`, else passive */
  mode: z.enum(['active', 'passive']).optional(),
  /** TCP keepalive idle time for passive mode (ms). */
  keepAliveMs: z.number().int().min(1000).max(7_200_000).default(10_000),
});

const endpointFields = {
  name: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
  host: hostSchema,
  port: portSchema,
  kind: z.enum(ENDPOINT_KINDS).default('tcp'),
  intervalMs: z.number().int('must be a whole number of ms').min(MIN_INTERVAL_MS, `must be at least ${MIN_INTERVAL_MS} ms`).max(86_400_000).default(5000),
  timeoutMs: z.number().int('must be a whole number of ms').min(10, 'must be at least 10 ms').default(2000),
  family: z.union([z.literal('auto'), z.literal(4), z.literal(6)]).default('auto'),
  send: payloadSchema.optional(),
  expect: expectationSchema.optional(),
  heartbeat: heartbeatOptionsSchema.default({ keepAliveMs: 10_000 }),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  thresholds: thresholdsSchema.default({ downAfter: 3, downAfterByClass: {}, recoverAfter: 2, degradedAfter: 3 }),
  paused: z.boolean().default(false),
  /** Name of the endpoint this one depends on (e.g. the gateway): its incidents group ours. */
  dependsOn: z.string().trim().min(1).max(100).optional(),
};

/** What a user supplies to create an endpoint; defaults fill the rest. */
export const endpointInputSchema = z
  .object(endpointFields)
  .strict()
  .refine((endpoint) => endpoint.timeoutMs < endpoint.intervalMs, { message: 'must be shorter than the interval', path: ['timeoutMs'] })
  .refine((endpoint) => endpoint.dependsOn !== endpoint.name, { message: 'an endpoint cannot depend on itself', path: ['dependsOn'] })
  .refine((endpoint) => !(endpoint.kind === 'heartbeat' && endpoint.heartbeat.mode === 'active' && endpoint.send === undefined), {
    message: 'is required for an active heartbeat (the payload to send each interval), or use mode "passive"',
    path: ['send'],
  });

export type EndpointInput = z.input<typeof endpointInputSchema>;
export type EndpointConfig = z.output<typeof endpointInputSchema>;

/** A stored endpoint: its config plus identity and timestamps. */
export interface Endpoint extends EndpointConfig {
  readonly id: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** A partial update: any field of the input; the merged result is validated as a whole. */
export const endpointPatchSchema = z.object(endpointFields).partial().strict();
export type EndpointPatch = z.input<typeof endpointPatchSchema>;

const ipv4 = z.ipv4();
const ipv6 = z.ipv6();

/** True for an IPv4 or IPv6 literal (without brackets). */
export function isIpLiteral(host: string): boolean {
  return ipv4.safeParse(host).success || ipv6.safeParse(host).success;
}

export function payloadBytes(payload: { readonly encoding: 'text' | 'hex'; readonly value: string }): Uint8Array {
  if (payload.encoding === 'text') return new TextEncoder().encode(payload.value);
  const bytes = new Uint8Array(payload.value.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(payload.value.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function isValidRegex(source: string, flags: string): boolean {
  try {
    new RegExp(source, flags);
    return true;
  } catch {
    return false;
  }
}
