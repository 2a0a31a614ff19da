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

/** The kernel TCP counters (TcpExt, system-wide) that show what limited a loopback connect storm. */
export interface TcpCounters {
  /** A TIME_WAIT socket could not be kept: tcp_max_tw_buckets was full, so the close skipped TIME_WAIT. */
  readonly timeWaitOverflow: number;
  /** A connect reused a TIME_WAIT port (tcp_tw_reuse). */
  readonly timeWaitReused: number;
  /** SYNs dropped because a listener's accept queue was full: the server side was the limit. */
  readonly listenOverflows: number;
  readonly listenDrops: number;
  /** SYNs sent again: each costs a connect ≥ 1 s. */
  readonly synRetransmits: number;
}

const COUNTER_NAMES: Readonly<Record<keyof TcpCounters, string>> = {
  timeWaitOverflow: 'TCPTimeWaitOverflow',
  timeWaitReused: 'TWRecycled',
  listenOverflows: 'ListenOverflows',
  listenDrops: 'ListenDrops',
  synRetransmits: 'TCPSynRetrans',
};

/** The counters now (/proc/net/netstat), or undefined when unavailable. */
export function tcpCounters(): TcpCounters | undefined {
  const lines = (readProc('/proc/net/netstat') ?? '').split('\n').filter((line) => line.startsWith('TcpExt:'));
  if (lines.length < 2) return undefined;
  const names = lines[0]!.split(/\s+/).slice(1);
  const values = lines[1]!.split(/\s+/).slice(1).map(Number);
  const read = (name: string): number => values[names.indexOf(name)] ?? 0;
  return {
    timeWaitOverflow: read(COUNTER_NAMES.timeWaitOverflow),
    timeWaitReused: read(COUNTER_NAMES.timeWaitReused),
    listenOverflows: read(COUNTER_NAMES.listenOverflows),
    listenDrops: read(COUNTER_NAMES.listenDrops),
    synRetransmits: read(COUNTER_NAMES.synRetransmits),
  };
}

/** How much each counter grew between two readings. */
export function countersSince(before: TcpCounters, after: TcpCounters): TcpCounters {
  return {
    timeWaitOverflow: after.timeWaitOverflow - before.timeWaitOverflow,
    timeWaitReused: after.timeWaitReused - before.timeWaitReused,
    listenOverflows: after.listenOverflows - before.listenOverflows,
    listenDrops: after.listenDrops - before.listenDrops,
    synRetransmits: after.synRetransmits - before.synRetransmits,
  };
}
