import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDatabase, tempDir } from '../helpers/temp-db.js';
import { runBin } from './history-fixtures.js';

/** A folder where `--demo` has run: ./data/demo.db and no ./data/bematic.db. */
function afterDemo(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'data'));
  const conn = freshDatabase();
  conn.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  copyFileSync(conn.path, join(dir, 'data', 'demo.db'));
  return dir;
}

describe('after --demo, the commands name the demo file', () => {
  it('history with no --db says where the demo database is and how to use it, and switches to nothing', () => {
    const dir = afterDemo();
    const r = runBin(['history'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no database at .*data\/bematic\.db; the demo database \(made by --demo\) is \.\/data\/demo\.db/);
    expect(r.stderr).toContain('`bematic-console history --db ./data/demo.db`');
    expect(r.stderr).not.toContain('migrate');
    expect(existsSync(join(dir, 'data', 'bematic.db'))).toBe(false);
    // what the sentence says works
    const demo = runBin(['history', '--db', './data/demo.db'], { cwd: dir });
    expect(demo.code).toBe(0);
  });

  it('log-prompt never writes into the demo file unasked', () => {
    const dir = afterDemo();
    const r = runBin(['log-prompt', 'hello'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('`bematic-console log-prompt --db ./data/demo.db`');
    expect(JSON.parse(runBin(['history', '--db', './data/demo.db', '--json'], { cwd: dir }).stdout)).toEqual([]);
  });

  it('a file named by --db or DATABASE_URL keeps the plain sentence (the operator chose it)', () => {
    const dir = afterDemo();
    const byEnv = runBin(['history'], { cwd: dir, env: { DATABASE_URL: './data/typo.db' } });
    expect(byEnv.stderr).toMatch(/no database at .*typo\.db; check --db or DATABASE_URL/);
    const byFlag = runBin(['history', '--db', './data/typo.db'], { cwd: dir });
    expect(byFlag.stderr).toMatch(/no database at .*typo\.db; check --db or DATABASE_URL/);
  });
});
