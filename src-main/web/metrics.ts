/**
 * Prometheus metrics for `synack serve --metrics`, kept in memory from the service's update
 * pushes (counters start at zero when the server starts, as Prometheus expects of a process).
 *
 * - `synack_up{endpoint}` gauge: 1 while up or degraded (it answers), 0 while down or
 *   recovering (not yet confirmed back); no series while pending, paused or inconclusive, so
 *   an alert on `synack_up == 0` never fires for an endpoint nobody can judge.
 * - `synack_latency_seconds{endpoint}` histogram of successful, conclusive samples.
 * - `synack_failures_total{endpoint,class}` counter of conclusive failures by failure class
 *   (a series appears with the first failure of that class).
 * The `endpoint` label is the endpoint's (unique) name at scrape time.
 */
import type { Endpoint, EndpointState, FailureClass, UpdateBatchDto } from '../ipc/dto.ts';

/** Upper bounds of the latency buckets, in seconds (`+Inf` is added). */
export const LATENCY_BUCKETS_SECONDS: readonly number[] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface EndpointMetrics {
  /** Non-cumulative counts per bucket; the last slot is above the highest bound. */
  readonly buckets: number[];
  sum: number;
  count: number;
  readonly failures: Map<FailureClass, number>;
  state: EndpointState | undefined;
}

const UP_VALUE: Partial<Record<EndpointState, number>> = { up: 1, degraded: 1, down: 0, recovering: 0 };

export class MetricsCollector {
  readonly #byId = new Map<number, EndpointMetrics>();

  /** Folds one update push into the counters. */
  observe(batch: UpdateBatchDto): void {
    for (const sample of batch.samples) {
      if (sample.inconclusive) continue;
      const metrics = this.#metrics(sample.endpointId);
      if (sample.ok && sample.latencyMs !== undefined) {
        const seconds = sample.latencyMs / 1000;
        const index = LATENCY_BUCKETS_SECONDS.findIndex((bound) => seconds <= bound);
        const slot = index === -1 ? LATENCY_BUCKETS_SECONDS.length : index;
        metrics.buckets[slot] = (metrics.buckets[slot] ?? 0) + 1;
        metrics.sum += seconds;
        metrics.count += 1;
      } else if (!sample.ok) {
        const failureClass = sample.failureClass ?? 'other';
        metrics.failures.set(failureClass, (metrics.failures.get(failureClass) ?? 0) + 1);
      }
    }
    for (const status of batch.statuses) this.#metrics(status.endpointId).state = status.state;
    for (const id of batch.removed) this.#byId.delete(id);
  }

  /** The exposition text (format 0.0.4) for the endpoints that exist now. */
  render(endpoints: readonly Endpoint[]): string {
    const rows = endpoints.map((endpoint) => ({ name: label(endpoint.name), metrics: this.#byId.get(endpoint.id) }));
    const lines: string[] = [];
    lines.push('# HELP synack_up Whether the endpoint answers: 1 up or degraded, 0 down or recovering; absent while pending, paused or inconclusive.');
    lines.push('# TYPE synack_up gauge');
    for (const { name, metrics } of rows) {
      const value = metrics?.state === undefined ? undefined : UP_VALUE[metrics.state];
      if (value !== undefined) lines.push(`synack_up{endpoint="${name}"} ${value}`);
    }
    lines.push('# HELP synack_latency_seconds Latency of successful probes and heartbeats (connect, reply or round-trip time).');
    lines.push('# TYPE synack_latency_seconds histogram');
    for (const { name, metrics } of rows) {
      let cumulative = 0;
      LATENCY_BUCKETS_SECONDS.forEach((bound, index) => {
        cumulative += metrics?.buckets[index] ?? 0;
        lines.push(`synack_latency_seconds_bucket{endpoint="${name}",le="${bound}"} ${cumulative}`);
      });
      lines.push(`synack_latency_seconds_bucket{endpoint="${name}",le="+Inf"} ${metrics?.count ?? 0}`);
      lines.push(`synack_latency_seconds_sum{endpoint="${name}"} ${metrics?.sum ?? 0}`);
      lines.push(`synack_latency_seconds_count{endpoint="${name}"} ${metrics?.count ?? 0}`);
    }
    lines.push('# HELP synack_failures_total Failed probes and heartbeats by failure class.');
    lines.push('# TYPE synack_failures_total counter');
    for (const { name, metrics } of rows) {
      for (const [failureClass, count] of metrics?.failures ?? []) {
        lines.push(`synack_failures_total{endpoint="${name}",class="${label(failureClass)}"} ${count}`);
      }
    }
    return `${lines.join('\n')}\n`;
  }

  #metrics(id: number): EndpointMetrics {
    let metrics = this.#byId.get(id);
    if (!metrics) {
      metrics = { buckets: new Array<number>(LATENCY_BUCKETS_SECONDS.length + 1).fill(0), sum: 0, count: 0, failures: new Map(), state: undefined };
      this.#byId.set(id, metrics);
    }
    return metrics;
  }
}

/** A label value escaped as the text format requires (backslash, double quote, newline). */
function label(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
