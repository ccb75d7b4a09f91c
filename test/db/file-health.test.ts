import { describe, it, expect } from 'vitest';
import Database from 'better-sqlite3';
import { closeSync, mkdtempSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertFileReadable, watchCorruption } from '../../db/file-health.js';

/** A file with a table of many pages and an index; `spoil` writes garbage over the pages of one of them. */
function fileWith(spoil?: 'big' | 'big_by_n'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'bematic-health-')), 'f.db');
  const db = new Database(path);
  db.exec('CREATE TABLE small (a); INSERT INTO small VALUES (1); CREATE TABLE big (n, text); CREATE INDEX big_by_n ON big (n);');
  const insert = db.prepare('INSERT INTO big VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(i, 'x'.repeat(200));
  })();
  const pages = spoil ? (db.prepare('SELECT pageno FROM dbstat WHERE name = ?').pluck().all(spoil) as number[]) : [];
  db.close();
  const fd = openSync(path, 'r+');
  for (const p of pages) writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, (p - 1) * 4096);
  closeSync(fd);
  return path;
}

describe('the start-up look at the file', () => {
  it('passes a healthy file', () => {
    const db = new Database(fileWith(), { readonly: true });
    expect(() => assertFileReadable(db, 'f.db')).not.toThrow();
  });

  it.each(['big', 'big_by_n'] as const)('says in one sentence that the file is corrupt when %s is garbage', (what) => {
    const db = new Database(fileWith(what), { readonly: true });
    expect(() => assertFileReadable(db, '/x/f.db')).toThrow('the database file is corrupt (/x/f.db); run `bematic-console doctor`');
  });
});

describe('watching a connection for corruption', () => {
  it('tells once when a read meets a corrupt page and lets the error go on; healthy reads are untouched', () => {
    const db = new Database(fileWith('big'), { readonly: true });
    const told: unknown[] = [];
    watchCorruption(db, (e) => told.push(e));
    expect(db.prepare('SELECT a FROM small').pluck().all()).toEqual([1]);
    expect(db.prepare('SELECT count(*) FROM small').raw().get()).toEqual([1]);
    expect(told).toEqual([]);
    expect(() => db.prepare('SELECT sum(length(text)) FROM big').get()).toThrow(/malformed/);
    expect(() => [...db.prepare('SELECT * FROM big').iterate()]).toThrow(/malformed/);
    expect(told).toHaveLength(1);
    expect((told[0] as { code: string }).code).toMatch(/^SQLITE_CORRUPT/);
  });
});
