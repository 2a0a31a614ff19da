import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FailureClass } from '../../../src-main/core/classify/failure-classes.ts';
import { endpointInputSchema, type Endpoint, type EndpointInput } from '../../../src-main/core/endpoints/endpoint-schema.ts';
import type { TransitionReport } from '../../../src-main/core/monitor/monitor-service.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../src-main/core/monitor/settings-schema.ts';
import type { EndpointState } from '../../../src-main/core/monitor/state-machine.ts';
import { NotificationPolicy } from '../../../src-main/shell/notifications/notification-policy.ts';
import type { NotificationContent } from '../../../src-main/shell/notifications/notification-text.ts';

const START = new Date(2026, 10, 25, 14, 0).getTime();

function endpoint(id: number, name: string, extra: Partial<EndpointInput> = {}): Endpoint {
  return { ...endpointInputSchema.parse({ name, host: `10.0.0.${id}`, port: 443, ...extra }), id, createdAt: START, updatedAt: START };
}

interface ReportOptions {
  readonly from?: EndpointState;
  readonly failureClass?: FailureClass;
  readonly code?: string;
  readonly latencyMs?: number;
  readonly groupedUnder?: Endpoint;
  readonly flapping?: boolean;
}

function report(target: Endpoint, to: EndpointState, options: ReportOptions = {}): TransitionReport {
  return {
    endpoint: target,
    from: options.from ?? 'up',
    to,
    at: Date.now(),
    evidence: {
      consecutiveFailures: to === 'down' ? 3 : 0,
      consecutiveSuccesses: to === 'down' ? 0 : 2,
      ...(options.code === undefined ? {} : { code: options.code }),
      ...(options.latencyMs === undefined ? {} : { latencyMs: options.latencyMs }),
    },
    flapping: options.flapping ?? false,
    ...(options.failureClass === undefined ? {} : { failureClass: options.failureClass }),
    ...(options.groupedUnder === undefined ? {} : { groupedUnder: options.groupedUnder }),
  };
}

describe('NotificationPolicy', () => {
  let shown: (NotificationContent & { at: number })[];
  let settings: Settings['notifications'];
  let policy: NotificationPolicy;

  beforeEach(() => {
    vi.useFakeTimers({ now: START });
    shown = [];
    settings = { ...DEFAULT_SETTINGS.notifications, onDegraded: true };
    policy = new NotificationPolicy({ show: (content) => shown.push({ ...content, at: Date.now() - START }), settings: () => settings });
  });

  afterEach(() => {
    policy.dispose();
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
  });

  const web = endpoint(1, 'web');

  it('shows a down endpoint after the 2 s collection window, naming class, code and target', () => {
    policy.observe(report(web, 'down', { failureClass: 'refused', code: 'ECONNREFUSED' }));
    vi.advanceTimersByTime(1999);
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(shown).toEqual([{ title: 'web is down', body: 'Refused (ECONNREFUSED) — 10.0.0.1:443', endpointId: 1, at: 2000 }]);
  });

  it('groups endpoints that fail under the same dependency into one notification', () => {
    const gateway = endpoint(10, 'gateway');
    policy.observe(report(gateway, 'down', { failureClass: 'timeout' }));
    for (let id = 11; id <= 14; id++) {
      vi.advanceTimersByTime(300);
      policy.observe(report(endpoint(id, `svc-${id}`, { dependsOn: 'gateway' }), 'down', { failureClass: 'timeout', groupedUnder: gateway }));
    }
    vi.advanceTimersByTime(2000);
    expect(shown).toEqual([{ title: '5 endpoints down — gateway unreachable', body: 'gateway, svc-11, svc-12, svc-13, svc-14', endpointId: 10, at: 2000 }]);
  });

  it('groups endpoints down at once by their shared failure class', () => {
    for (let id = 1; id <= 7; id++) policy.observe(report(endpoint(id, `db-${id}`), 'down', { failureClass: 'timeout' }));
    policy.observe(report(endpoint(8, 'cache'), 'down', { failureClass: 'refused' }));
    vi.advanceTimersByTime(2000);
    expect(shown.map(({ title, body, endpointId }) => ({ title, body, endpointId }))).toEqual([
      { title: '7 endpoints down — timed out', body: 'db-1, db-2, db-3, db-4, db-5 and 2 more', endpointId: null },
      { title: 'cache is down', body: 'Refused — 10.0.0.8:443', endpointId: 8 },
    ]);
  });

  it('says "recovered" with the outage length, only after a real outage', () => {
    policy.observe(report(web, 'up', { from: 'pending' }));
    vi.advanceTimersByTime(5000);
    expect(shown).toEqual([]);
    policy.observe(report(web, 'down', { failureClass: 'refused' }));
    vi.advanceTimersByTime(30_000);
    policy.observe(report(web, 'up', { from: 'recovering' }));
    vi.advanceTimersByTime(2000);
    expect(shown.map((n) => n.title)).toEqual(['web is down', 'web recovered']);
    expect(shown[1]?.body).toBe('Back up after 30s — 10.0.0.1:443');
  });

  it('keeps quiet about a blip (down and back within the window) and a network hiccup (down → inconclusive → down)', () => {
    policy.observe(report(web, 'down', { failureClass: 'reset' }));
    vi.advanceTimersByTime(1000);
    policy.observe(report(web, 'up', { from: 'recovering' }));
    vi.advanceTimersByTime(60_000);
    expect(shown).toEqual([]);

    const api = endpoint(2, 'api');
    policy.observe(report(api, 'down', { failureClass: 'timeout' }));
    vi.advanceTimersByTime(15_000);
    policy.observe(report(api, 'inconclusive', { from: 'down' }));
    policy.observe(report(api, 'down', { from: 'inconclusive', failureClass: 'timeout' }));
    vi.advanceTimersByTime(60_000);
    expect(shown.map((n) => n.title)).toEqual(['api is down']);
  });

  it('says "slow" for degraded, with the latency and the limit', () => {
    const slow = endpoint(3, 'search', { thresholds: { degradedLatencyMs: 200 } });
    policy.observe(report(slow, 'degraded', { latencyMs: 351.4 }));
    vi.advanceTimersByTime(2000);
    expect(shown).toMatchObject([{ title: 'search is slow', body: '351 ms, above its 200 ms limit — 10.0.0.3:443', endpointId: 3 }]);
  });

  it('suppresses flapping transitions', () => {
    policy.observe(report(web, 'down', { failureClass: 'refused', flapping: true }));
    vi.advanceTimersByTime(60_000);
    expect(shown).toEqual([]);
  });

  it('follows the notification settings, read at each transition', () => {
    settings = { ...settings, onDegraded: false, onRecovered: false };
    policy.observe(report(endpoint(3, 'search'), 'degraded', { latencyMs: 900 }));
    policy.observe(report(web, 'down', { failureClass: 'refused' }));
    vi.advanceTimersByTime(20_000);
    policy.observe(report(web, 'up', { from: 'recovering' }));
    vi.advanceTimersByTime(20_000);
    expect(shown.map((n) => n.title)).toEqual(['web is down']);
    settings = { ...settings, enabled: false };
    policy.observe(report(endpoint(4, 'mail'), 'down', { failureClass: 'refused' }));
    vi.advanceTimersByTime(20_000);
    expect(shown).toHaveLength(1);
  });

  it('names an endpoint at most once per 10 s, folding the rest into a later notification', () => {
    policy.observe(report(web, 'down', { failureClass: 'refused' }));
    vi.advanceTimersByTime(3000); // shown at 2 s
    policy.observe(report(web, 'up', { from: 'recovering' })); // at 3 s: too soon
    vi.advanceTimersByTime(2000); // flushed at 5 s, folded
    expect(shown.map((n) => n.title)).toEqual(['web is down']);
    vi.advanceTimersByTime(9999);
    expect(shown).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(shown.map((n) => [n.title, n.at])).toEqual([['web is down', 2000], ['web recovered', 15_000]]);
  });

  it('shows at most 6 notifications a minute and folds the rest into one summary', () => {
    for (let id = 1; id <= 9; id++) {
      policy.observe(report(endpoint(id, `host-${id}`), 'down', { failureClass: 'refused' }));
      vi.advanceTimersByTime(3000); // each its own collection window
    }
    expect(shown).toHaveLength(6);
    vi.advanceTimersByTime(120_000);
    expect(shown.map((n) => n.title)).toEqual([...[1, 2, 3, 4, 5, 6].map((id) => `host-${id} is down`), '3 more endpoints changed']);
    expect(shown[6]).toMatchObject({ body: '3 down: host-7, host-8, host-9', endpointId: null, at: 62_000 });
    for (const n of shown) expect(shown.filter((m) => m.at > n.at - 60_000 && m.at <= n.at).length).toBeLessThanOrEqual(6);
  });

  it('stays silent while snoozed, drops what was pending, and speaks again after', () => {
    policy.observe(report(web, 'down', { failureClass: 'refused' }));
    policy.snooze(Date.now() + 3_600_000);
    expect(policy.snoozedUntil).toBe(START + 3_600_000);
    vi.advanceTimersByTime(10_000);
    policy.observe(report(endpoint(2, 'api'), 'down', { failureClass: 'timeout' }));
    vi.advanceTimersByTime(3_600_000);
    expect(shown).toEqual([]);
    expect(policy.snoozedUntil).toBeNull();
    policy.observe(report(endpoint(3, 'mail'), 'down', { failureClass: 'timeout' }));
    vi.advanceTimersByTime(2000);
    expect(shown.map((n) => n.title)).toEqual(['mail is down']);
  });

  it('can end a snooze early', () => {
    policy.snooze(Date.now() + 3_600_000);
    policy.snooze(null);
    expect(policy.snoozedUntil).toBeNull();
    policy.observe(report(web, 'down', { failureClass: 'refused' }));
    vi.advanceTimersByTime(2000);
    expect(shown).toHaveLength(1);
  });
});
