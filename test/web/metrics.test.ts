import { describe, expect, it } from 'vitest';
import type { Endpoint, SampleDto, UpdateBatchDto } from '../../src-main/ipc/dto.ts';
import { LATENCY_BUCKETS_SECONDS, MetricsCollector } from '../../src-main/web/metrics.ts';
import { parsePrometheusText, type PromSample } from '../support/prometheus-text.ts';

function endpoint(id: number, name: string): Endpoint {
  return {
    id, name, host: '127.0.0.1', port: 1, kind: 'tcp', intervalMs: 1000, timeoutMs: 500, family: 'auto',
    heartbeat: { mode: 'active', keepAliveMs: 10_000 }, tags: [], paused: false, createdAt: 0, updatedAt: 0,
    thresholds: { downAfter: 3, downAfterByClass: {}, recoverAfter: 2, degradedAfter: 3 },
  };
}

function batch(parts: Partial<UpdateBatchDto>): UpdateBatchDto {
  return { samples: [], statuses: [], events: [], endpoints: [], removed: [], ...parts };
}

const ok = (endpointId: number, latencyMs: number): SampleDto => ({ endpointId, ts: 1, kind: 'tcp', ok: true, latencyMs, inconclusive: false });
const failed = (endpointId: number, failureClass: SampleDto['failureClass'], inconclusive = false): SampleDto =>
  ({ endpointId, ts: 1, kind: 'tcp', ok: false, ...(failureClass ? { failureClass } : {}), inconclusive });

function find(samples: readonly PromSample[], name: string, labels: Record<string, string>): number | undefined {
  return samples.find((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value))?.value;
}

describe('MetricsCollector', () => {
  it('renders valid exposition text with cumulative buckets, sum, count, failures and up', () => {
    const collector = new MetricsCollector();
    collector.observe(batch({
      samples: [ok(1, 0.5), ok(1, 3), ok(1, 30), ok(1, 20_000), failed(1, 'refused'), failed(1, 'refused'), failed(1, 'timeout'), failed(1, 'refused', true), failed(2, undefined)],
      statuses: [
        { endpointId: 1, state: 'degraded', since: 0, flapping: false },
        { endpointId: 2, state: 'down', since: 0, flapping: false },
      ],
    }));
    const text = collector.render([endpoint(1, 'web'), endpoint(2, 'db "main"\\x'), endpoint(3, 'new')]);
    const { families, samples } = parsePrometheusText(text);

    expect(families.get('synack_up')?.type).toBe('gauge');
    expect(families.get('synack_latency_seconds')?.type).toBe('histogram');
    expect(families.get('synack_failures_total')?.type).toBe('counter');

    expect(find(samples, 'synack_up', { endpoint: 'web' })).toBe(1);
    expect(find(samples, 'synack_up', { endpoint: 'db "main"\\x' })).toBe(0);
    expect(find(samples, 'synack_up', { endpoint: 'new' })).toBeUndefined();

    const bucket = (le: string) => find(samples, 'synack_latency_seconds_bucket', { endpoint: 'web', le });
    expect(bucket('0.001')).toBe(1);
    expect(bucket('0.0025')).toBe(1);
    expect(bucket('0.005')).toBe(2);
    expect(bucket('0.05')).toBe(3);
    expect(bucket('10')).toBe(3);
    expect(bucket('+Inf')).toBe(4);
    expect(find(samples, 'synack_latency_seconds_count', { endpoint: 'web' })).toBe(4);
    expect(find(samples, 'synack_latency_seconds_sum', { endpoint: 'web' })).toBeCloseTo(20.0335, 6);

    // The inconclusive refusal does not count; a failure without class counts as "other".
    expect(find(samples, 'synack_failures_total', { endpoint: 'web', class: 'refused' })).toBe(2);
    expect(find(samples, 'synack_failures_total', { endpoint: 'web', class: 'timeout' })).toBe(1);
    expect(find(samples, 'synack_failures_total', { endpoint: 'db "main"\\x', class: 'other' })).toBe(1);

    // Every endpoint has a full histogram, buckets non-decreasing and ending in +Inf = count.
    for (const name of ['web', 'db "main"\\x', 'new']) {
      const buckets = samples.filter((sample) => sample.name === 'synack_latency_seconds_bucket' && sample.labels['endpoint'] === name);
      expect(buckets.map((sample) => sample.labels['le'])).toEqual([...LATENCY_BUCKETS_SECONDS.map(String), '+Inf']);
      const values = buckets.map((sample) => sample.value);
      expect(values).toEqual([...values].sort((a, b) => a - b));
      expect(values.at(-1)).toBe(find(samples, 'synack_latency_seconds_count', { endpoint: name }));
    }
  });

  it('drops the series of removed endpoints and keeps counting across batches', () => {
    const collector = new MetricsCollector();
    collector.observe(batch({ samples: [ok(1, 1), ok(2, 1)] }));
    collector.observe(batch({ samples: [ok(1, 2)], removed: [2] }));
    const { samples } = parsePrometheusText(collector.render([endpoint(1, 'a'), endpoint(2, 'b')]));
    expect(find(samples, 'synack_latency_seconds_count', { endpoint: 'a' })).toBe(2);
    expect(find(samples, 'synack_latency_seconds_count', { endpoint: 'b' })).toBe(0);
  });

  it('leaves paused and pending endpoints without an up series', () => {
    const collector = new MetricsCollector();
    collector.observe(batch({ statuses: [{ endpointId: 1, state: 'up', since: 0, flapping: false }] }));
    collector.observe(batch({ statuses: [{ endpointId: 1, state: 'paused', since: 0, flapping: false }] }));
    const { samples } = parsePrometheusText(collector.render([endpoint(1, 'a')]));
    expect(samples.filter((sample) => sample.name === 'synack_up')).toEqual([]);
  });
});

describe('parsePrometheusText (the test reader itself)', () => {
  it.each([
    ['no trailing newline', '# TYPE a gauge\na 1'],
    ['sample without TYPE', 'a 1\n'],
    ['bad value', '# TYPE a gauge\na one\n'],
    ['unescaped quote', '# TYPE a gauge\na{x="a"b"} 1\n'],
    ['blank line', '# TYPE a gauge\n\na 1\n'],
  ])('rejects %s', (_, text) => {
    expect(() => parsePrometheusText(text)).toThrow();
  });
});
