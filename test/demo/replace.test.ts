import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, isOneSentence, runBinary } from '../helpers/spawn.js';
import { freshDatabase, tempDbPath } from '../helpers/temp-db.js';
import { generateDemo } from '../../src/demo/generate.js';
import { DEMO_APPLICATION_ID } from '../../src/demo/replace-guard.js';

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const BETTER_SQLITE3 = createRequire(import.meta.url).resolve('better-sqlite3');

const holders: ChildProcess[] = [];
afterEach(() => {
  while (holders.length) holders.pop()!.kill('SIGKILL');
});

/** Another process (node) holding a connection to the file open, after one read, until killed. */
function holdOpen(path: string, journal: 'wal' | 'delete'): Promise<ChildProcess> {
  const script = `const D = require(${JSON.stringify(BETTER_SQLITE3)});
    const d = new D(${JSON.stringify(path)});
    if (${JSON.stringify(journal)} === 'delete') d.pragma('journal_mode = DELETE');
    d.prepare('SELECT count(*) FROM tasks').get();
    process.stdout.write('ready\\n');
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  holders.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`the holder exited with ${code}`)));
  });
}

const demoAt = (path: string): void => {
  generateDemo(path, { scale: 0.0001, seed: 5 });
};

describe('demo never replaces a real database', () => {
  beforeAll(() => assertBuilt());

  it('writes only where --db says: DATABASE_URL is never used, even with --force', async () => {
    const prod = freshDatabase();
    prod.sqlite.exec(
      "INSERT INTO users (id, slack_user_id, slack_username, role, active, created_at, updated_at) VALUES ('user_1', 'U1', 'alice', 'admin', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
    );
    prod.close();
    const before = sha(prod.path);
    const run = await runBinary(['demo', '--scale', '0.01', '--force'], { env: { DATABASE_URL: prod.path } });
    expect(run.code).toBe(2);
    expect(isOneSentence(run.stderr)).toBe(true);
    expect(run.stderr).toMatch(/needs --db PATH/);
    expect(sha(prod.path)).toBe(before);
  }, 60_000);

  it('refuses with --force a SQLite file it did not make as a demo', async () => {
    const prod = freshDatabase();
    prod.close();
    const before = sha(prod.path);
    const run = await runBinary(['demo', '--db', prod.path, '--scale', '0.0001', '--force']);
    expect(run.code).toBe(2);
    expect(isOneSentence(run.stderr)).toBe(true);
    expect(run.stderr).toMatch(/is not a demo database made by bematic-console/);
    expect(sha(prod.path)).toBe(before);
  }, 60_000);

  it('marks its files: application_id in the header', () => {
    const path = tempDbPath();
    demoAt(path);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(DEMO_APPLICATION_ID);
    db.close();
  });

  for (const journal of ['wal', 'delete'] as const) {
    it(`refuses a demo file another process holds open (${journal} mode), and leaves it whole`, async () => {
      const path = tempDbPath();
      demoAt(path);
      const holder = await holdOpen(path, journal);
      const run = await runBinary(['demo', '--db', path, '--scale', '0.0001', '--seed', '9', '--force']);
      expect(run.code).toBe(2);
      expect(isOneSentence(run.stderr)).toBe(true);
      expect(run.stderr).toMatch(/is open in another process/);
      if (journal === 'delete') expect(run.stderr).toContain(String(holder.pid)); // seen in /proc: an idle rollback reader holds no lock
      holder.kill('SIGKILL');
      await new Promise((r) => holder.once('exit', r));
      const db = new Database(path, { readonly: true });
      expect(db.prepare('SELECT count(*) FROM tasks').pluck().get()).toBe(60); // still the first demo's rows
      db.close();
    }, 60_000);
  }

  it('replaces a demo file nobody has open', async () => {
    const path = tempDbPath();
    demoAt(path);
    const before = sha(path);
    const run = await runBinary(['demo', '--db', path, '--scale', '0.001', '--seed', '9', '--force']);
    expect({
      code: run.code,
      stderr: run.stderr
        .split('\n')
        .filter((l) => !/\(\d+%\)/.test(l))
        .join(''),
    }).toEqual({ code: 0, stderr: '' });
    expect(sha(path)).not.toBe(before);
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM tasks').pluck().get()).toBeGreaterThan(60);
    db.close();
  }, 60_000);
});
