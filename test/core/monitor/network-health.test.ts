import { describe, expect, it } from 'vitest';
import { classifyCode } from '../../../src-main/core/classify/classify.ts';
import { NetworkHealth } from '../../../src-main/core/monitor/network-health.ts';

const netUnreachable = classifyCode('ENETUNREACH', { phase: 'connect' });
const blackhole = classifyCode('EINVAL', { phase: 'connect' });
const refused = classifyCode('ECONNREFUSED', { phase: 'connect' });
const dnsAgain = classifyCode('EAI_AGAIN', { phase: 'dns' });

describe('network health (inconclusive samples)', () => {
  it('marks local failures inconclusive when no endpoint succeeds', () => {
    const health = new NetworkHealth();
    expect(health.judge(1, 1_000, netUnreachable)).toBe(true);
    expect(health.judge(2, 1_000, dnsAgain)).toBe(true);
    expect(health.judge(3, 1_000, blackhole)).toBe(true);
  });

  it('keeps a local failure conclusive while another endpoint answers', () => {
    const health = new NetworkHealth();
    health.judge(1, 1_000, undefined);
    expect(health.judge(2, 2_000, netUnreachable)).toBe(false);
    expect(health.judge(2, 3_000, netUnreachable)).toBe(false);
  });

  it('turns inconclusive once every endpoint fails locally (the machine went offline)', () => {
    const health = new NetworkHealth();
    health.judge(1, 1_000, undefined);
    health.judge(2, 1_000, undefined);
    expect(health.judge(1, 2_000, netUnreachable)).toBe(false);
    expect(health.judge(2, 2_100, netUnreachable)).toBe(true);
    expect(health.judge(1, 3_000, netUnreachable)).toBe(true);
    health.judge(2, 4_000, undefined);
    expect(health.judge(1, 4_100, netUnreachable)).toBe(false);
  });

  it('stops counting on an old success, and on a forgotten endpoint', () => {
    const health = new NetworkHealth({ recentSuccessMs: 10_000 });
    health.judge(1, 1_000, undefined);
    expect(health.judge(2, 20_000, netUnreachable)).toBe(true);
    health.judge(3, 21_000, undefined);
    health.forget(3);
    expect(health.judge(2, 22_000, netUnreachable)).toBe(true);
  });

  it('never marks an endpoint-side failure inconclusive by itself', () => {
    expect(new NetworkHealth().judge(1, 1_000, refused)).toBe(false);
  });

  it('marks every failure inconclusive during the grace after a resume', () => {
    const health = new NetworkHealth({ resumeGraceMs: 30_000 });
    health.resumed(100_000);
    expect(health.judge(1, 110_000, refused)).toBe(true);
    expect(health.judge(1, 131_000, refused)).toBe(false);
  });

  it('marks failures inconclusive while the sentinel is down', () => {
    const health = new NetworkHealth();
    health.setSentinelDown(true);
    expect(health.judge(1, 1_000, refused)).toBe(true);
    health.setSentinelDown(false);
    expect(health.judge(1, 2_000, refused)).toBe(false);
  });
});
