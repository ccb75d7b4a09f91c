import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ifNotExists, pushSchema, pushStatements } from '../../../db/index.js';
import { tempDir } from '../../helpers/temp-db.js';

const objects = (db: Database.Database): string[] =>
  (db.prepare("SELECT type || ' ' || name AS o FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY 1").all() as { o: string }[]).map((r) => r.o);

describe('pushSchema (exported from db/index.ts)', () => {
  it('can be called twice on the same file: the second call changes nothing and keeps the rows', () => {
    const db = new Database(join(tempDir(), 'push.db'));
    try {
      pushSchema(db);
      const first = objects(db);
      db.prepare("INSERT INTO prompt_history (prompt, timestamp) VALUES ('kept', '2026-01-01T00:00:00.000Z')").run();
      expect(() => pushSchema(db)).not.toThrow();
      expect(objects(db)).toEqual(first);
      expect(db.prepare('SELECT prompt FROM prompt_history').pluck().all()).toEqual(['kept']);
    } finally {
      db.close();
    }
  });

  it('runs every committed CREATE as IF NOT EXISTS and every DROP as IF EXISTS', () => {
    const statements = pushStatements();
    expect(statements.length).toBeGreaterThan(10);
    for (const s of statements) expect(s).toMatch(/^(CREATE (TABLE|INDEX|UNIQUE INDEX) IF NOT EXISTS|DROP (INDEX|TABLE) IF EXISTS) /);
    expect(ifNotExists('CREATE TABLE IF NOT EXISTS `x` (a)')).toBe('CREATE TABLE IF NOT EXISTS `x` (a)');
    expect(ifNotExists('DROP INDEX `old`;')).toBe('DROP INDEX IF EXISTS `old`;');
  });
});
