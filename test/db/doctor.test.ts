import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { inspectDatabase } from '../../db/doctor/inspect.js';
import { OPERATION_NEEDS } from '../../db/doctor/slow-operations.js';
import { planMigration } from '../../db/migrate/plan.js';
import { applyMigration } from '../../db/migrate/apply.js';
import { referenceSchema } from '../../db/migrate/reference.js';
import { committedMigrations } from '../../db/migrate/journal.js';
import { searchExtras } from '../../db/search/extras.js';
import { inflateTaskRowids, serviceFile } from '../fixtures/service-file.js';
import type { DoctorReport } from '../../db/doctor/report.js';

const SERVICE_ONLY_TABLES = ['archived_tasks', 'feedback_suggestions', 'global_contexts', 'pending_actions'];

function inspect(path: string): DoctorReport {
  const conn = openDatabase({ path, readOnly: true });
  try {
    return inspectDatabase(conn.sqlite, conn.path);
  } finally {
    conn.close();
  }
}

function migrateFile(path: string): void {
  const conn = openDatabase({ path });
  applyMigration(conn.sqlite, planMigration(conn.sqlite));
  conn.close();
}

const table = (r: DoctorReport, name: string) => r.tables.find((t) => t.name === name)!;
const index = (r: DoctorReport, name: string) => r.indexes.find((i) => i.name === name)!;

describe('doctor on a file the service made and nobody migrated', () => {
  test('age 1: missing tables and columns, missing indexes, slow operations, no journal', () => {
    const r = inspect(serviceFile(1));
    expect(
      r.tables
        .filter((t) => !t.present)
        .map((t) => t.name)
        .sort(),
    ).toEqual(['api_keys', 'netsuite_configs', 'prompt_history', 'scheduled_tasks']);
    expect(table(r, 'projects').missingColumns).toEqual(['auto_commit_push', 'railway_project_id', 'railway_service_id', 'railway_environment_id', 'is_netsuite']);
    expect(table(r, 'tasks').missingColumns).toEqual(['slack_message_ts', 'parent_task_id']);
    expect(table(r, 'tasks').rows).toEqual({ rows: 3, exact: true });
    expect(table(r, 'api_keys').rows).toBeNull();
    expect(index(r, 'idx_tasks_status_created').present).toBe(false);
    expect(index(r, 'projects_slack_channel_id_unique').presentAs).toMatch(/^sqlite_autoindex_projects_\d$/);
    expect(r.slowOperations.map((s) => s.operation)).toContain('tasks by status (Dashboard, Tasks filter)');
    expect(r.slowOperations.find((s) => s.missing === 'idx_tasks_status_created')!.cost).toBe('full scan of 3 rows');
    expect(r.slowOperations.some((s) => s.table === 'prompt_history')).toBe(false); // no table, nothing to scan
    expect(r.journal).toMatchObject({ mode: 'adopt', table: '__bematic_console_migrations', exists: false, recorded: 0, committed: committedMigrations().length, misplaced: 0 });
    expect(r.journal.service).toEqual({ table: '__drizzle_migrations', exists: false, rows: 0, newestAt: null, newest: null, consoleRows: 0 });
    expect(r.duplicateIndexes).toEqual([]);
    expect(r.quickCheck).toEqual(['ok']);
    expect(r.migrateSteps).toBeGreaterThan(10);
    expect(r.unmanagedTables).toEqual([]);
    expect(r.journalMode).toBe('wal');
    expect(r.sqliteVersion).toMatch(/^3\.\d+\.\d+$/);
  });

  test('age 7: the service-only tables are listed as left alone; its scheduled_tasks indexes count', () => {
    const r = inspect(serviceFile(7));
    expect(r.unmanagedTables.map((t) => t.name)).toEqual(SERVICE_ONLY_TABLES);
    expect(r.unmanagedTables[0]!.rows).toEqual({ rows: 1, exact: true });
    expect(r.indexes.filter((i) => i.table === 'scheduled_tasks').every((i) => i.present && i.presentAs === null)).toBe(true);
    expect(r.extras.map((e) => e.present)).toEqual(searchExtras.map(() => false));
    expect(r.slowOperations.map((s) => s.missing)).toContain('prompt_history_fts');
  });

  test('a table whose rowids reach 2M is estimated from max(rowid), not counted', () => {
    const path = serviceFile(7);
    inflateTaskRowids(path, 2_000_000);
    const r = inspect(path);
    expect(table(r, 'tasks').rows).toEqual({ rows: 2_000_000, exact: false });
    expect(r.slowOperations.find((s) => s.missing === 'idx_tasks_status_created')!.cost).toBe('full scan of ~2.0M rows');
  });
});

describe('doctor on a migrated file', () => {
  test('everything present, nothing slow, the journal recorded, the service tables still left alone', () => {
    const path = serviceFile(7);
    migrateFile(path);
    const r = inspect(path);
    expect(r.tables.every((t) => t.present && t.missingColumns.length === 0)).toBe(true);
    expect(r.indexes.every((i) => i.present)).toBe(true);
    expect(r.extras.every((e) => e.present)).toBe(true);
    expect(r.slowOperations).toEqual([]);
    expect(r.migrateSteps).toBe(0);
    expect(r.journal).toMatchObject({ mode: 'upgrade', exists: true, recorded: committedMigrations().length, committed: committedMigrations().length, misplaced: 0 });
    expect(r.journal.service.exists).toBe(false);
    expect(r.duplicateIndexes).toEqual([]);
    expect(r.unmanagedTables.map((t) => t.name)).toEqual(SERVICE_ONLY_TABLES);
  });
});

describe('doctor reports both journals and any duplicate index', () => {
  test("the service's drizzle journal: its rows, its newest, and the rows an older console wrote there", () => {
    const path = serviceFile(7);
    migrateFile(path);
    const conn = openDatabase({ path });
    conn.sqlite.exec('DROP TABLE __bematic_console_migrations');
    conn.sqlite.exec('CREATE TABLE "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)');
    const insert = conn.sqlite.prepare('INSERT INTO "__drizzle_migrations" ("hash", "created_at") VALUES (?, ?)');
    insert.run('a-service-migration-hash', 1771435524971);
    for (const m of committedMigrations()) insert.run(m.hash, m.folderMillis);
    conn.close();
    const r = inspect(path);
    const n = committedMigrations().length;
    expect(r.journal).toMatchObject({ mode: 'upgrade', exists: true, recorded: n, misplaced: n });
    expect(r.journal.service).toEqual({
      table: '__drizzle_migrations',
      exists: true,
      rows: n + 1,
      consoleRows: n,
      newestAt: committedMigrations().at(-1)!.folderMillis,
      newest: new Date(committedMigrations().at(-1)!.folderMillis).toISOString(),
    });
    expect(r.migrateSteps).toBe(1); // the repair
    expect(r.unmanagedTables.map((t) => t.name)).not.toContain('__drizzle_migrations');
    migrateFile(path);
    const after = inspect(path);
    expect(after.journal.service).toMatchObject({ rows: 1, consoleRows: 0, newestAt: 1771435524971, newest: '2026-02-18T17:25:24.971Z' });
    expect(after.journal).toMatchObject({ exists: true, recorded: n, misplaced: 0 });
  });

  test('two indexes of one table over the same columns are named, with the one migrate drops', () => {
    const path = serviceFile(7);
    migrateFile(path);
    const conn = openDatabase({ path });
    conn.sqlite.exec('CREATE INDEX idx_scheduled_tasks_user ON scheduled_tasks (user_id)'); // an older console's name
    conn.sqlite.exec('CREATE INDEX ops_offline ON offline_queue (agent_id)');
    conn.sqlite.exec('CREATE INDEX ops_offline_2 ON offline_queue (agent_id)');
    conn.close();
    const r = inspect(path);
    expect(r.duplicateIndexes).toEqual([
      { table: 'offline_queue', columns: ['agent_id'], names: ['ops_offline', 'ops_offline_2'], drop: [] },
      { table: 'scheduled_tasks', columns: ['user_id'], names: ['idx_scheduled_tasks_user', 'scheduled_tasks_user_id_idx'], drop: ['idx_scheduled_tasks_user'] },
    ]);
    expect(r.migrateSteps).toBe(1);
  });
});

test('every operation doctor names depends on an index of the schema or a search extra', () => {
  const known = new Set([...referenceSchema().indexes.map((i) => i.name), ...searchExtras.map((e) => e.name)]);
  for (const need of OPERATION_NEEDS) expect(known.has(need.needs), need.needs).toBe(true);
});
