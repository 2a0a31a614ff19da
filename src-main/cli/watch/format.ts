/** How `synack watch` prints events and its summary: aligned text lines, or one JSON object per line. */
import type { ConnectedEvent, HeartbeatEvent, HeartbeatMode, KeepAlivePolicy, LostEvent, RetryingEvent } from '../../core/heartbeat/types.ts';
import { previewReply } from '../../core/probe/expect.ts';
import type { Target } from '../../core/probe/types.ts';
import type { WatchSummary } from './tally.ts';

export type WatchEvent =
  | { readonly event: 'connected'; readonly data: ConnectedEvent }
  | { readonly event: 'heartbeat'; readonly data: HeartbeatEvent }
  | { readonly event: 'lost'; readonly data: LostEvent }
  | { readonly event: 'retrying'; readonly data: RetryingEvent };

export function hostPort(target: Target): string {
  return target.host.includes(':') ? `[${target.host}]:${target.port}` : `${target.host}:${target.port}`;
}

/** A duration for people: `0.123 ms`, `12.34 ms`, `500 ms`, `1.5 s`, `2m 03.4s`. */
export function ms(value: number): string {
  const trim = (text: string): string => (text.includes('.') ? text.replace(/\.?0+$/, '') : text);
  if (value < 1000) {
    if (Number.isInteger(value)) return `${value} ms`;
    return `${value < 1 ? value.toFixed(3) : value < 100 ? value.toFixed(2) : value.toFixed(1)} ms`;
  }
  if (value < 60_000) return `${trim((value / 1000).toFixed(2))} s`;
  const minutes = Math.floor(value / 60_000);
  const seconds = (value % 60_000) / 1000;
  if (minutes < 60) return `${minutes}m ${seconds.toFixed(1).padStart(4, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m ${String(Math.round(seconds)).padStart(2, '0')}s`;
}

function clock(wall: number): string {
  const date = new Date(wall);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** The first line printed: what is being watched and how. */
export function banner(target: Target, mode: HeartbeatMode, keepAlive: KeepAlivePolicy, tunable: boolean): string {
  const probes = tunable ? `${keepAlive.count} probes ${ms(keepAlive.intervalMs)} apart` : 'the kernel default probes (Linux: 9, 75 s apart)';
  const keepalive = `TCP keepalive after ${ms(keepAlive.idleMs)} idle, then ${probes}`;
  if (mode.kind === 'passive') return `watching ${hostPort(target)} (passive: FIN/RST/errors, ${keepalive})`;
  const expectText = mode.expect === undefined || mode.expect.kind === 'any'
    ? 'any reply'
    : mode.expect.kind === 'string' ? `"${previewReply(Buffer.from(mode.expect.value))}"` : `/${mode.expect.source}/${mode.expect.flags}`;
  return `watching ${hostPort(target)} (active: send "${previewReply(Buffer.from(mode.payload))}" every ${ms(mode.intervalMs ?? 5000)}, expect ${expectText} within ${ms(mode.replyTimeoutMs ?? 2000)}; ${keepalive})`;
}

/** One human-readable line per event, timestamped with the wall clock. */
export function formatEvent(item: WatchEvent, wall: number): string {
  const head = `${clock(wall)}  ${item.event.padEnd(10)}`;
  switch (item.event) {
    case 'connected': {
      const { outcome, local } = item.data;
      return `${head} ${outcome.address} from ${hostPort({ host: local.address, port: local.port })} in ${ms(outcome.latencyMs)}`;
    }
    case 'heartbeat':
      return `${head} rtt ${ms(item.data.rttMs)}`;
    case 'lost': {
      const { failure } = item.data.outcome;
      return `${head} ${failure.class} (${failure.code}) after ${ms(item.data.uptimeMs)} up: ${failure.message}\n${' '.repeat(26)}hint: ${failure.hint}`;
    }
    case 'retrying': {
      const { attempt, delayMs, cause } = item.data;
      const why = cause.failure.phase === 'connect' || cause.failure.phase === 'dns'
        ? ` (connect failed: ${cause.failure.class}, ${cause.failure.code})`
        : '';
      return `${head} attempt ${attempt} in ${ms(delayMs)}${why}`;
    }
  }
}

/** One JSON object per event; the outcome is the same ProbeOutcome the probe engine produces. */
export function jsonEvent(item: WatchEvent, wall: number): string {
  return JSON.stringify({ event: item.event, at: new Date(wall).toISOString(), ...item.data });
}

export function formatSummary(target: Target, summary: WatchSummary): string {
  const byClass = (counts: WatchSummary['losses']): string =>
    Object.entries(counts).map(([cls, n]) => `${cls} ${n}`).join(', ');
  const lossCount = Object.values(summary.losses).reduce((total, n) => total + (n ?? 0), 0);
  const failCount = Object.values(summary.connectFailures).reduce((total, n) => total + (n ?? 0), 0);
  const lines = [
    `--- ${hostPort(target)} watch summary ---`,
    `connections ${summary.connections}, total uptime ${ms(summary.uptimeMs)}, losses ${lossCount}${lossCount > 0 ? ` (${byClass(summary.losses)})` : ''}`,
  ];
  if (failCount > 0) lines.push(`failed connects ${failCount} (${byClass(summary.connectFailures)})`);
  const { rtt } = summary;
  lines.push(rtt === undefined
    ? 'heartbeat rtt: no samples'
    : `heartbeat rtt min/avg/p95/max = ${[rtt.min, rtt.avg, rtt.p95, rtt.max].map((v) => v.toFixed(3)).join('/')} ms (${rtt.count} samples)`);
  return lines.join('\n');
}

export function jsonSummary(target: Target, summary: WatchSummary): string {
  return JSON.stringify({ event: 'summary', target, ...summary });
}
