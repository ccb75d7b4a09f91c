import { describe, it, expect } from 'vitest';
import { writeFileSync, mkdirSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, resolveDatabasePath } from '../../db/connection.js';
import { DatabaseOpenError } from '../../db/errors.js';
import { tempDir, tempDbPath, freshDatabase } from '../helpers/temp-db.js';

describe('resolving the database path', () => {
  it('prefers --db, then DATABASE_URL, then ./data/bematic.db', () => {
    expect(resolveDatabasePath('/x/a.db', { DATABASE_URL: '/y/b.db' })).toBe('/x/a.db');
    expect(resolveDatabasePath(undefined, { DATABASE_URL: '/y/b.db' })).toBe('/y/b.db');
    expect(resolveDatabasePath(undefined, {})).toBe(join(process.cwd(), 'data', 'bematic.db'));
  });
  it('accepts file: URLs', () => {
    expect(resolveDatabasePath('file:///srv/bm.db')).toBe('/srv/bm.db');
    expect(resolveDatabasePath('file:/srv/bm.db?mode=ro')).toBe('/srv/bm.db');
  });
});

describe('opening a file', () => {
  it('applies the spec pragmas', () => {
    const c = freshDatabase();
    expect(c.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(c.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(c.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(c.sqlite.pragma('synchronous', { simple: true })).toBe(1);
    expect(c.sqlite.pragma('cache_size', { simple: true })).toBe(-20000);
  });

  it('refuses a missing file instead of creating an empty one', () => {
    const path = tempDbPath('typo.db');
    expect(() => openDatabase({ path })).toThrow(DatabaseOpenError);
    expect(() => openDatabase({ path })).toThrow(/no database at/);
    expect(existsSync(path)).toBe(false);
  });

  it('creates a missing file only when asked', () => {
    const path = join(tempDir(), 'nested', 'new.db');
    const c = openDatabase({ path, create: true });
    expect(c.created).toBe(true);
    c.close();
    expect(existsSync(path)).toBe(true);
  });

  it('says a directory is a directory', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'd.db'));
    expect(() => openDatabase({ path: join(dir, 'd.db') })).toThrow(/is a directory/);
  });

  it('says a text file is not a SQLite database and leaves it untouched', () => {
    const path = join(tempDir(), 'notes.db');
    writeFileSync(path, 'hello, this is not sqlite at all\n');
    expect(() => openDatabase({ path })).toThrow(/not a SQLite database/);
    expect(readFileSync(path, 'utf8')).toBe('hello, this is not sqlite at all\n');
  });

  it('read-only changes nothing, not even the journal mode', () => {
    const path = tempDbPath();
    const raw = new Database(path);
    raw.exec('CREATE TABLE t(x)');
    raw.close();
    const before = readFileSync(path);
    const c = openDatabase({ path, readOnly: true });
    expect(c.sqlite.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(() => c.sqlite.exec('INSERT INTO t VALUES (1)')).toThrow(/readonly/);
    c.close();
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
