import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDbPath } from '../helpers/temp-db.js';
import { ROOT, cleanEnv } from './history-fixtures.js';

// `npm run db:migrate`, as a drizzle-kit user types it: applies the console's migrations to
// DATABASE_URL (or --db), creating a missing file, and does nothing the second time.

const npmRun = (args: string[], env: NodeJS.ProcessEnv = {}) => spawnSync('npm', ['run', '--silent', 'db:migrate', ...args], { cwd: ROOT, encoding: 'utf8', env: cleanEnv(env) });

const tables = (path: string): string[] => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  } finally {
    db.close();
  }
};

describe('npm run db:migrate', () => {
  it('migrates the file DATABASE_URL names, then finds it up to date', () => {
    const path = tempDbPath();
    const first = npmRun([], { DATABASE_URL: path });
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`Migrated ${path}`);
    expect(tables(path)).toEqual(expect.arrayContaining(['projects', 'tasks', 'prompt_history', 'scheduled_tasks', 'api_keys']));
    const again = npmRun([], { DATABASE_URL: path });
    expect(again.status).toBe(0);
    expect(again.stdout).not.toMatch(/^Migrated /m);
  });

  it('takes --db after --', () => {
    const path = tempDbPath('other.db');
    const r = npmRun(['--', '--db', path]);
    expect(r.status).toBe(0);
    expect(tables(path)).toContain('prompt_history');
  });
});
