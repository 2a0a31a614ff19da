/**
 * The web mode's secrets: the token printed in the URL (proof that the user saw the
 * terminal) and the session value the browser keeps as a cookie once it has redeemed it.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url (43 characters): the token and the session value alike. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Constant-time comparison of a presented secret with the expected one. Both sides are
 * hashed first so the comparison takes the same time whatever the candidate's length
 * (`timingSafeEqual` itself throws on different lengths).
 */
export function secretMatches(candidate: string | undefined, expected: string): boolean {
  if (candidate === undefined) return false;
  const a = createHash('sha256').update(candidate, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}
