import { describe, expect, it } from 'vitest';
import { thresholdsSchema } from '../../../src-main/core/endpoints/endpoint-schema.ts';
import { EndpointStateTracker, type Observation } from '../../../src-main/core/monitor/state-machine.ts';

const defaults = thresholdsSchema.parse({});
let clock = 0;
const ok = (latencyMs = 5): Observation => ({ ts: (clock += 1000), ok: true, latencyMs, inconclusive: false });
const fail = (failureClass: Observation['failureClass'] = 'timeout'): Observation => ({
  ts: (clock += 1000), ok: false, failureClass, code: 'X', inconclusive: false,
});
const lost = (): Observation => ({ ts: (clock += 1000), ok: false, failureClass: 'net-unreachable', inconclusive: true });

function run(tracker: EndpointStateTracker, samples: Observation[]): string[] {
  return samples.map((sample) => {
    tracker.observe(sample);
    return tracker.state;
  });
}

describe('endpoint state with hysteresis', () => {
  it('goes up on the first success', () => {
    expect(run(new EndpointStateTracker(defaults), [ok()])).toEqual(['up']);
  });

  it('goes down only after N consecutive failures (default 3)', () => {
    const tracker = new EndpointStateTracker(defaults);
    expect(run(tracker, [ok(), fail(), fail(), ok(), fail(), fail(), fail()])).toEqual(['up', 'up', 'up', 'up', 'up', 'up', 'down']);
  });

  it('needs M successes to return to up, through recovering', () => {
    const tracker = new EndpointStateTracker(defaults);
    run(tracker, [fail(), fail(), fail()]);
    expect(run(tracker, [ok(), fail(), ok(), ok()])).toEqual(['recovering', 'down', 'recovering', 'up']);
  });

  it('applies class-dependent thresholds: refused is down at once, timeout after 5', () => {
    const thresholds = thresholdsSchema.parse({ downAfterByClass: { refused: 1, timeout: 5 } });
    expect(run(new EndpointStateTracker(thresholds), [ok(), fail('refused')])).toEqual(['up', 'down']);
    expect(run(new EndpointStateTracker(thresholds), [ok(), fail(), fail(), fail(), fail(), fail()])).toEqual(['up', 'up', 'up', 'up', 'up', 'down']);
  });

  it('reports the failure class and evidence with the down transition', () => {
    const tracker = new EndpointStateTracker(thresholdsSchema.parse({ downAfter: 2 }));
    tracker.observe(ok());
    tracker.observe(fail('reset'));
    const transition = tracker.observe(fail('reset'));
    expect(transition).toMatchObject({ from: 'up', to: 'down', failureClass: 'reset', evidence: { consecutiveFailures: 2, code: 'X' } });
  });

  it('degrades after N slow samples and recovers after M fast ones', () => {
    const tracker = new EndpointStateTracker(thresholdsSchema.parse({ degradedLatencyMs: 100, degradedAfter: 2, recoverAfter: 2 }));
    expect(run(tracker, [ok(5), ok(150), ok(150), ok(5), ok(150), ok(5), ok(5)])).toEqual([
      'up', 'up', 'degraded', 'degraded', 'degraded', 'degraded', 'up',
    ]);
  });

  it('holds the verdict through an inconclusive spell and does not count it as down', () => {
    const tracker = new EndpointStateTracker(defaults);
    expect(run(tracker, [ok(), lost(), lost(), lost(), lost(), ok()])).toEqual(['up', 'inconclusive', 'inconclusive', 'inconclusive', 'inconclusive', 'up']);
  });

  it('ignores samples while paused and restarts from pending on resume', () => {
    const tracker = new EndpointStateTracker(defaults);
    tracker.observe(ok());
    expect(tracker.pause(clock)).toMatchObject({ from: 'up', to: 'paused' });
    expect(tracker.observe(fail('refused'))).toBeUndefined();
    expect(tracker.resume(clock)).toMatchObject({ from: 'paused', to: 'pending' });
    expect(tracker.state).toBe('pending');
  });

  it('flags flapping when transitions crowd the window, and clears it later', () => {
    const thresholds = thresholdsSchema.parse({ downAfter: 1, recoverAfter: 1 });
    const tracker = new EndpointStateTracker(thresholds, { windowMs: 60_000, threshold: 4 });
    const transitions = [ok(), fail(), ok(), fail(), ok()].map((sample) => tracker.observe(sample));
    expect(transitions.map((t) => t?.flapping)).toEqual([false, false, false, true, true]);
    clock += 120_000;
    expect(tracker.observe(fail())?.flapping).toBe(false);
  });
});
