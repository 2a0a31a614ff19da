/**
 * The kernel settings that cap how many loopback connections per second a client can open:
 * ephemeral ports and TIME_WAIT. Read from /proc (Linux); undefined elsewhere.
 */
import { readFileSync } from 'node:fs';

export interface PortLimits {
  /** Ephemeral port range (net.ipv4.ip_local_port_range). */
  readonly portRange: readonly [number, number];
  /** net.ipv4.tcp_tw_reuse: 0 off, 1 on, 2 loopback only. */
  readonly twReuse: number;
  /** net.ipv4.tcp_max_tw_buckets. */
  readonly maxTwBuckets: number;
}

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** The ephemeral-port and TIME_WAIT settings, or undefined when /proc is not there. */
export function portLimits(): PortLimits | undefined {
  const range = readProc('/proc/sys/net/ipv4/ip_local_port_range')?.split(/\s+/).map(Number);
  const twReuse = readProc('/proc/sys/net/ipv4/tcp_tw_reuse');
  const buckets = readProc('/proc/sys/net/ipv4/tcp_max_tw_buckets');
  if (range?.length !== 2 || twReuse === undefined || buckets === undefined) return undefined;
  return { portRange: [range[0]!, range[1]!], twReuse: Number(twReuse), maxTwBuckets: Number(buckets) };
}

/** Sockets in TIME_WAIT right now, system-wide (/proc/net/sockstat), or undefined. */
export function timeWaitCount(): number | undefined {
  const match = /TCP:.*\btw (\d+)/.exec(readProc('/proc/net/sockstat') ?? '');
  return match ? Number(match[1]) : undefined;
}

/** One line describing the limits, for the report header. */
export function describeLimits(limits: PortLimits | undefined): string {
  if (!limits) return 'ephemeral ports / TIME_WAIT: unknown (no /proc)';
  const [low, high] = limits.portRange;
  const reuse = ['off', 'on', 'loopback only'][limits.twReuse] ?? String(limits.twReuse);
  return `ephemeral ports ${low}-${high} (${high - low + 1}), tcp_tw_reuse ${reuse}, tcp_max_tw_buckets ${limits.maxTwBuckets}`;
}
