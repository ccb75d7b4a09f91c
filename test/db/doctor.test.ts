import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { inspectDatabase } from '../../db/doctor/inspect.js';
import { OPERATION_NEEDS } from '../../db/doctor/slow-operations.js';
import { planMigration } from '../../db/migrate/plan.js';
import { applyMigration } from '../../db/migrate/apply.js';
import { referenceSchema } from '../../db/migrate/reference.js';
import { committedMigrations } from '../../db/migrate/journal.js';
import { promptSearchExtras } from '../../db/search/extras.js';
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
    expect(r.tables.filter((t) => !t.present).map((t) => t.name).sort()).toEqual(['api_keys', 'netsuite_configs', 'prompt_history', 'scheduled_tasks']);
    expect(table(r, 'projects').missingColumns).toEqual(['auto_commit_push', 'railway_project_id', 'railway_service_id', 'railway_environment_id', 'is_netsuite']);
    expect(table(r, 'tasks').missingColumns).toEqual(['slack_message_ts', 'parent_task_id']);
    expect(table(r, 'tasks').rows).toEqual({ rows: 3, exact: true });
    expect(table(r, 'api_keys').rows).toBeNull();
    expect(index(r, 'idx_tasks_status_created').present).toBe(false);
    expect(index(r, 'projects_slack_channel_id_unique').presentAs).toMatch(/^sqlite_autoindex_projects_\d$/);
    expect(r.slowOperations.map((s) => s.operation)).toContain('tasks by status (Dashboard, Tasks filter)');
    expect(r.slowOperations.find((s) => s.missing === 'idx_tasks_status_created')!.cost).toBe('full scan of 3 rows');
    expect(r.slowOperations.some((s) => s.table === 'prompt_history')).toBe(false); // no table, nothing to scan
    expect(r.journal).toEqual({ mode: 'adopt', exists: false, recorded: 0, committed: committedMigrations().length });
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
    expect(r.extras.map((e) => e.present)).toEqual(promptSearchExtras.map(() => false));
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
    expect(r.journal).toEqual({ mode: 'upgrade', exists: true, recorded: committedMigrations().length, committed: committedMigrations().length });
    expect(r.unmanagedTables.map((t) => t.name)).toEqual(SERVICE_ONLY_TABLES);
  });
});

test('every operation doctor names depends on an index of the schema or a search extra', () => {
  const known = new Set([...referenceSchema().indexes.map((i) => i.name), ...promptSearchExtras.map((e) => e.name)]);
  for (const need of OPERATION_NEEDS) expect(known.has(need.needs), need.needs).toBe(true);
});
