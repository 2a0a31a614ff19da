/** A temporary directory for a benchmark's files, removed by the section when it ends. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function makeBenchDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'synack-bench-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
