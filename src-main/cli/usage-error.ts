/**
 * A mistake in the command line. Commands print its message on one line and exit with 2;
 * anything else that escapes is a bug.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
