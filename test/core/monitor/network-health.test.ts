import { describe, expect, it } from 'vitest';
import { classifyCode } from '../../../src-main/core/classify/classify.ts';
import { NetworkHealth } from '../../../src-main/core/monitor/network-health.ts';

const netUnreachable = classifyCode('ENETUNREACH', { phase: 'connect' });
const refused = classifyCode('ECONNREFUSED', { phase: 'connect' });
const dnsAgain = classifyCode('EAI_AGAIN', { phase: 'dns' });

describe('network health (inconclusive samples)', () => {
  it('marks local failures inconclusive when nothing succeeded recently', () => {
    const health = new NetworkHealth({ recentSuccessMs: 10_000 });
    expect(health.judge(1_000, netUnreachable)).toBe(true);
    expect(health.judge(1_000, dnsAgain)).toBe(true);
  });

  it('keeps a local failure conclusive while other endpoints succeed', () => {
    const health = new NetworkHealth({ recentSuccessMs: 10_000 });
    health.judge(1_000, undefined);
    expect(health.judge(5_000, netUnreachable)).toBe(false);
    expect(health.judge(20_000, netUnreachable)).toBe(true);
  });

  it('never marks an endpoint-side failure inconclusive by itself', () => {
    expect(new NetworkHealth().judge(1_000, refused)).toBe(false);
  });

  it('marks every failure inconclusive during the grace after a resume', () => {
    const health = new NetworkHealth({ resumeGraceMs: 30_000 });
    health.resumed(100_000);
    expect(health.judge(110_000, refused)).toBe(true);
    expect(health.judge(131_000, refused)).toBe(false);
  });

  it('marks failures inconclusive while the sentinel is down', () => {
    const health = new NetworkHealth();
    health.setSentinelDown(true);
    expect(health.judge(1_000, refused)).toBe(true);
    health.setSentinelDown(false);
    expect(health.judge(2_000, refused)).toBe(false);
  });
});
