/** Why a store operation was refused; `code` is stable, `message` is for people. */
export type StoreErrorCode = 'duplicate-name' | 'not-found' | 'unusable-database' | 'closed';

export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
  }
}

/** SQLite's primary result code from a node:sqlite error (extended codes carry it in the low byte). */
export function sqliteCode(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('errcode' in error)) return undefined;
  const code = error.errcode;
  return typeof code === 'number' ? code & 0xff : undefined;
}

export const SQLITE_CONSTRAINT = 19;
const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;

/** Errors that say "this file is damaged or not a database", as opposed to busy, I/O or permission errors. */
export function isCorruptionError(error: unknown): boolean {
  const code = sqliteCode(error);
  return code === SQLITE_CORRUPT || code === SQLITE_NOTADB;
}
