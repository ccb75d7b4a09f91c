import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import Database from 'better-sqlite3';
import migrate from '../../src/commands/migrate.js';
import { committedMigrations } from '../../db/migrate/journal.js';
import { serviceFile } from '../fixtures/service-file.js';
import { runCommand } from '../fixtures/run-command.js';
import { tempDbPath } from '../helpers/temp-db.js';

const T = '2025-11-01T09:00:00.000Z';

/** A service-made file (age 3: scheduled_tasks and more to add) with one user of each kind. */
function fileWithOperators(): string {
  const path = serviceFile(3);
  const db = new Database(path);
  const add = db.prepare('INSERT INTO users (id, slack_user_id, slack_username, role, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  add.run('user_op_viewer', 'UVIEWER01', 'vera', 'viewer', 1, T, T);
  add.run('user_op_gone', 'UGONE0001', 'gus', 'admin', 0, T, T);
  add.run('user_op_dev', 'UDEV00001', 'dana', 'developer', 1, T, T);
  db.close();
  return path;
}

interface AuditRow {
  action: string;
  user_id: string | null;
  resource_type: string;
  resource_id: string | null;
  metadata: string;
  timestamp: string;
}

function schemaAudits(path: string): AuditRow[] {
  const db = new Database(path, { readonly: true });
  const rows = db.prepare("SELECT action, user_id, resource_type, resource_id, metadata, timestamp FROM audit_logs WHERE action = 'schema:migrated'").all() as AuditRow[];
  db.close();
  return rows;
}

const hasTable = (path: string, name: string): boolean => {
  const db = new Database(path, { readonly: true });
  const found = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
  db.close();
  return found;
};

describe('migrate is an operator change: who may run it', () => {
  test('a viewer (--as) is refused with one sentence and nothing changes', async () => {
    const path = fileWithOperators();
    const bytes = readFileSync(path);
    const run = await runCommand(migrate, ['--db', path, '--as', 'UVIEWER01']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('bematic-console: migrate changes the schema and operator UVIEWER01 is a viewer and can change nothing; nothing was changed (--dry-run shows the plan)\n');
    expect(hasTable(path, 'scheduled_tasks')).toBe(false);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  test('an inactive user named by BEMATIC_OPERATOR is refused', async () => {
    const path = fileWithOperators();
    const run = await runCommand(migrate, ['--db', path], { BEMATIC_OPERATOR: 'UGONE0001' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^bematic-console: migrate changes the schema and operator UGONE0001 is inactive; nothing was changed/);
    expect(hasTable(path, '__bematic_console_migrations')).toBe(false);
  });

  test('a viewer may still see the plan with --dry-run', async () => {
    const path = fileWithOperators();
    const run = await runCommand(migrate, ['--db', path, '--as', 'UVIEWER01', '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Plan: \d+ steps/);
    expect(run.stdout).toContain('Dry run: nothing was changed.');
  });
});

describe('migrate writes one schema:migrated audit row listing what it added', () => {
  test('a developer (--as) migrates; the row names them, the tables, columns, indexes and migrations', async () => {
    const path = fileWithOperators();
    const run = await runCommand(migrate, ['--db', path, '--as', 'UDEV00001']);
    expect(run.code).toBe(0);
    const rows = schemaAudits(path);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({ user_id: 'UDEV00001', resource_type: 'schema', resource_id: committedMigrations().at(-1)!.tag });
    expect(new Date(row.timestamp).toISOString()).toBe(row.timestamp);
    const meta = JSON.parse(row.metadata) as Record<string, unknown>;
    expect(meta).toMatchObject({
      mode: 'adopt',
      tables: ['api_keys', 'netsuite_configs', 'scheduled_tasks'],
      columns: expect.arrayContaining(['projects.is_netsuite', 'projects.auto_commit_push']),
      indexes: expect.arrayContaining(['scheduled_tasks_next_execution_idx', 'idx_tasks_created', 'api_keys_key_unique']),
      droppedIndexes: [],
      extras: expect.arrayContaining(['prompt_history_fts']),
      migrations: committedMigrations().map((m) => m.tag),
      journalRowsMoved: [],
    });
    expect(meta.indexes).not.toContain('idx_scheduled_tasks_next_execution');
    expect(meta.steps).toBe(run.stdout.split('\n').filter((l) => /^\s+\d+\. /.test(l)).length);

    // nothing to do: nothing changed, no second row
    expect((await runCommand(migrate, ['--db', path, '--as', 'UDEV00001'])).stdout).toContain('up to date');
    expect(schemaAudits(path)).toHaveLength(1);
  });

  test('without --as the OS user runs it, on a new file too (whose audit_logs migrate just made)', async () => {
    const path = tempDbPath('fresh.db');
    const run = await runCommand(migrate, ['--db', path]);
    expect(run.code).toBe(0);
    const rows = schemaAudits(path);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.user_id).toBe(userInfo().username);
    const meta = JSON.parse(rows[0]!.metadata) as { mode: string; tables: string[]; indexes: string[] };
    expect(meta.mode).toBe('new');
    expect(meta.tables).toContain('scheduled_tasks');
    // a new file runs every migration in turn: the index names a later migration replaced were never added
    expect(meta.indexes).toContain('scheduled_tasks_user_id_idx');
    expect(meta.indexes).not.toContain('idx_scheduled_tasks_user');
  });

  test("the repair of an older console's journal is listed too", async () => {
    const path = fileWithOperators();
    expect((await runCommand(migrate, ['--db', path])).code).toBe(0);
    const db = new Database(path);
    db.exec('DROP TABLE __bematic_console_migrations');
    db.exec('CREATE TABLE "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)');
    for (const m of committedMigrations()) db.prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)').run(m.hash, m.folderMillis);
    db.close();
    expect((await runCommand(migrate, ['--db', path, '--as', 'UDEV00001'])).code).toBe(0);
    const last = schemaAudits(path).at(-1)!;
    expect(last.user_id).toBe('UDEV00001');
    expect(JSON.parse(last.metadata)).toMatchObject({ mode: 'upgrade', steps: 1, journalRowsMoved: committedMigrations().map((m) => m.tag) });
  });
});
