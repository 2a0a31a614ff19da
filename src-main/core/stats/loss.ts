/** Packet/attempt loss. */

/**
 * Percentage of attempts that failed: (sent − ok) / sent × 100. `null` when nothing was
 * sent, since neither 0 % nor 100 % would be true.
 */
export function lossPercent(sent: number, ok: number): number | null {
  if (!Number.isInteger(sent) || !Number.isInteger(ok) || sent < 0 || ok < 0 || ok > sent) {
    throw new RangeError(`invalid counts: sent ${sent}, ok ${ok}`);
  }
  if (sent === 0) return null;
  return ((sent - ok) / sent) * 100;
}
