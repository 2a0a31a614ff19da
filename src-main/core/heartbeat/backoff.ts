/**
 * Reconnect schedule. Equal jitter (half the step fixed, half random) rather than full jitter:
 * a dead service is never hammered by near-zero delays, yet hundreds of sessions that lost the
 * same server at once spread their reconnects over half of each step.
 */
import type { BackoffPolicy } from './types.ts';

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, factor: 2, maxMs: 30_000 };

/** The un-jittered step for attempt n (1-based): min(maxMs, baseMs × factor^(n-1)). */
export function backoffCap(attempt: number, policy: BackoffPolicy): number {
  const exponent = Math.max(0, attempt - 1);
  // Capping the exponent keeps factor^n finite for sessions that retry for days.
  const step = policy.baseMs * policy.factor ** Math.min(exponent, 64);
  return Math.min(policy.maxMs, step);
}

/** The jittered delay before attempt n: uniform in [cap/2, cap]. `random` is in [0, 1). */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const cap = backoffCap(attempt, policy);
  return Math.round(cap / 2 + random() * (cap / 2));
}

/** Merges a partial policy with the defaults and rejects nonsense (a configuration error). */
export function resolveBackoff(partial: Partial<BackoffPolicy> = {}): BackoffPolicy {
  const policy = { ...DEFAULT_BACKOFF, ...partial };
  if (!(policy.baseMs > 0) || !(policy.factor >= 1) || !(policy.maxMs >= policy.baseMs)) {
    throw new RangeError(`Invalid backoff policy: baseMs > 0, factor ≥ 1 and maxMs ≥ baseMs are required (got ${JSON.stringify(policy)}).`);
  }
  return policy;
}
