/**
 * Linux retransmits an unanswered SYN after 1 s, then doubles the timeout: the handshake
 * completes ≈1, 3, 7, 15, 31 s after the first SYN. A connect time just past one of these
 * steps says "SYN (or SYN-ACK) lost", not "slow server".
 */
const STEPS_MS = [1000, 3000, 7000, 15000, 31000, 63000] as const;

/** How far past a step a connect may finish and still be read as a retransmission (covers the RTT). */
const TOLERANCE_MS = 150;

/** The number of lost SYNs a connect time suggests (0 when it sits on no step). */
export function synRetransmitsFor(connectMs: number): number {
  for (let i = STEPS_MS.length - 1; i >= 0; i--) {
    const step = STEPS_MS[i]!;
    if (connectMs >= step - 5 && connectMs <= step + Math.max(TOLERANCE_MS, step * 0.05)) return i + 1;
  }
  return 0;
}
