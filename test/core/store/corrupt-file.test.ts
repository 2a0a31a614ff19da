import { existsSync, mkdirSync, openSync, readFileSync, statSync, truncateSync, writeFileSync, writeSync, closeSync, readdirSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type OpenNotice } from '../../../src-main/core/store/index.ts';
import { SYNACK_APPLICATION_ID } from '../../../src-main/core/store/schema.ts';
import { okSample, prng, T0, tempDir, type TempDir } from './helpers.ts';

/** Opens the store at `path`, checks it works, and returns the notice and logged lines. */
function openAndUse(path: string): { notice: OpenNotice | undefined; logged: string[] } {
  const logged: string[] = [];
  const store = openStore({ path, log: (line) => logged.push(line) });
  try {
    const id = store.endpoints.insert(`e${Date.now()}-${Math.random()}`, {}).id;
    store.writer.add(okSample(id, T0, 1));
    expect(store.rawSamples(id, T0, T0 + 1)).toHaveLength(1);
    return { notice: store.notice, logged };
  } finally {
    store.close();
  }
}

/** A real Synack database with some pages of data, closed (checkpointed). */
function realDatabase(path: string): void {
  const store = openStore({ path });
  const id = store.endpoints.insert('x', {}).id;
  for (let i = 0; i < 20_000; i++) store.writer.add(okSample(id, T0 + i * 1000, 1 + (i % 300)));
  store.close();
}

describe('a damaged or foreign file at the database path', () => {
  let dir: TempDir;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = dir.file('synack.db');
  });
  afterEach(() => dir.remove());

  function expectSetAside(reason: OpenNotice['reason'], original: Buffer): OpenNotice {
    const { notice, logged } = openAndUse(path);
    expect(notice?.reason).toBe(reason);
    expect(notice?.movedTo).toMatch(/synack\.db\.corrupt-\d{8}T\d{9}Z$/);
    expect(readFileSync(notice!.movedTo).equals(original)).toBe(true);
    expect(logged).toEqual([notice!.message]);
    expect(notice!.message).toContain(notice!.movedTo);
    // The fresh database is healthy: the next open is silent (no crash loop, no second move).
    expect(openAndUse(path).notice).toBeUndefined();
    expect(readdirSync(dir.path).filter((f) => /\.corrupt-\d+T\d+Z$/.test(f))).toHaveLength(1);
    return notice!;
  }

  it('moves a text file aside and starts fresh', () => {
    writeFileSync(path, 'hello, I am a shopping list\n'.repeat(200));
    expectSetAside('corrupt', readFileSync(path));
  });

  it('moves a truncated SQLite file aside', () => {
    realDatabase(path);
    truncateSync(path, Math.floor(statSync(path).size * 0.4));
    expectSetAside('corrupt', readFileSync(path));
  });

  it('moves a SQLite file with garbled pages aside', () => {
    realDatabase(path);
    const size = statSync(path).size;
    const random = prng(1);
    const fd = openSync(path, 'r+');
    try {
      const garbage = Buffer.alloc(4096 * 8, 0).map(() => Math.floor(random() * 256));
      writeSync(fd, garbage, 0, garbage.length, Math.floor(size / 2 / 4096) * 4096);
    } finally {
      closeSync(fd);
    }
    expectSetAside('corrupt', readFileSync(path));
  });

  it('moves another application\'s SQLite database aside, with its WAL companion', () => {
    const foreign = new DatabaseSync(path);
    foreign.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES (\'mine\')');
    foreign.close();
    writeFileSync(`${path}-wal`, 'stale wal');
    const notice = expectSetAside('foreign', readFileSync(path));
    expect(readFileSync(`${notice.movedTo}-wal`, 'utf8')).toBe('stale wal');
    // The stale WAL never meets the fresh database.
    expect(existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`, 'utf8') : '').not.toBe('stale wal');
  });

  it('moves aside a database stamped with another application id, even without tables', () => {
    const foreign = new DatabaseSync(path);
    foreign.exec('PRAGMA application_id = 1234; CREATE TABLE t (x); DROP TABLE t;');
    foreign.close();
    expectSetAside('foreign', readFileSync(path));
  });

  it('moves aside a database from a newer Synack instead of misreading it', () => {
    realDatabase(path);
    const db = new DatabaseSync(path);
    db.exec('PRAGMA user_version = 99');
    db.close();
    expectSetAside('newer-schema', readFileSync(path));
  });

  it('takes over an empty file or an empty SQLite database without a notice', () => {
    writeFileSync(path, '');
    expect(openAndUse(path).notice).toBeUndefined();
    const other = dir.file('empty.db');
    new DatabaseSync(other).close();
    const empty = new DatabaseSync(other);
    empty.exec('PRAGMA user_version = 0');
    empty.close();
    expect(openAndUse(other).notice).toBeUndefined();
    const check = new DatabaseSync(other);
    expect(check.prepare('PRAGMA application_id').get()).toEqual({ application_id: SYNACK_APPLICATION_ID });
    check.close();
  });

  it('refuses, without moving anything, a path it cannot open at all', () => {
    mkdirSync(path);
    expect(() => openStore({ path })).toThrow(expect.objectContaining({ code: 'unusable-database' }));
    expect(statSync(path).isDirectory()).toBe(true);
    expect(readdirSync(dir.path)).toEqual(['synack.db']);
  });
});
