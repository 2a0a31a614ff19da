/**
 * Jitter: how much consecutive latencies differ. Order matters (samples in the order they
 * were measured), unlike standard deviation.
 */

/**
 * Mean absolute difference of consecutive samples: (Σ |x[i] − x[i−1]|) / (n − 1).
 * 0 when there are fewer than two samples (no variation observed yet).
 */
export function meanConsecutiveDifference(samples: readonly number[]): number {
  if (samples.length < 2) return 0;
  let sum = 0;
  for (let i = 1; i < samples.length; i++) sum += Math.abs(samples[i]! - samples[i - 1]!);
  return sum / (samples.length - 1);
}

/**
 * One step of the RFC 3550 (RTP, section 6.4.1) interarrival jitter estimator:
 * J ← J + (|D| − J) / 16, where D is the difference between two consecutive samples.
 * A smoothed running value, cheap enough to keep per endpoint in a long-running monitor.
 */
export function nextRfc3550Jitter(jitter: number, previous: number, current: number): number {
  return jitter + (Math.abs(current - previous) - jitter) / 16;
}

/** RFC 3550 smoothed jitter over a whole series, starting from 0. */
export function rfc3550Jitter(samples: readonly number[]): number {
  let jitter = 0;
  for (let i = 1; i < samples.length; i++) jitter = nextRfc3550Jitter(jitter, samples[i - 1]!, samples[i]!);
  return jitter;
}
