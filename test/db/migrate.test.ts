import { describe, expect, test } from 'vitest';
import type Database from 'better-sqlite3';
import { migrate as drizzleMigrate } from 'drizzle-orm/better-sqlite3/migrator';
import { openDatabase, wrapDatabase } from '../../db/connection.js';
import { planMigration } from '../../db/migrate/plan.js';
import { applyMigration } from '../../db/migrate/apply.js';
import { pushSchema } from '../../db/migrate/push-schema.js';
import { committedMigrations, readJournal, JOURNAL_TABLE } from '../../db/migrate/journal.js';
import { referenceSchema } from '../../db/migrate/reference.js';
import { migrationsFolder } from '../../db/package-root.js';
import { readShape } from '../../db/shape.js';
import { SERVICE_AGES, runServiceBootDdl } from '../fixtures/service-ddl.js';
import { insertServiceRows } from '../fixtures/service-rows.js';
import { fileWithDuplicateUser, inflateTaskRowids, serviceFile } from '../fixtures/service-file.js';
import { dumpAllRows, projectOnto } from '../fixtures/dump.js';
import { tempDbPath } from '../helpers/temp-db.js';

function open(path: string): Database.Database {
  const conn = openDatabase({ path, create: true });
  return conn.sqlite;
}

function migrateAll(sqlite: Database.Database): ReturnType<typeof planMigration> {
  const plan = planMigration(sqlite);
  applyMigration(sqlite, plan);
  return plan;
}

/** The file holds every table, column and index of the schema (by name, or an equivalent index). */
function expectComplete(sqlite: Database.Database): void {
  const shape = readShape(sqlite);
  for (const t of referenceSchema().tables) {
    expect([...(shape.tables.get(t.name) ?? [])].sort(), t.name).toEqual(expect.arrayContaining(t.columns.map((c) => c.name)));
  }
  expect(planMigration(sqlite).steps).toEqual([]);
}

function expectSound(sqlite: Database.Database): void {
  expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
}

/**
 * drizzle's own migrator, pointed at the console's journal (as drizzle.config.ts is), agrees the
 * file is up to date: it would fail on CREATE TABLE otherwise. The service's journal is never made.
 */
function expectDrizzleAgrees(sqlite: Database.Database): void {
  const recorded = readJournal(sqlite).recorded;
  drizzleMigrate(wrapDatabase(sqlite), { migrationsFolder: migrationsFolder(), migrationsTable: JOURNAL_TABLE });
  expect(readJournal(sqlite).recorded).toBe(recorded);
  const hashes = sqlite.prepare(`SELECT hash, created_at FROM ${JOURNAL_TABLE} ORDER BY created_at`).all();
  expect(hashes).toEqual(committedMigrations().map((m) => ({ hash: m.hash, created_at: m.folderMillis })));
  expect(sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = '__drizzle_migrations'").get()).toBeUndefined();
}

describe('migrate adopts a database the service created, at every age', () => {
  for (const age of SERVICE_AGES) {
    test(`age ${age}: every row kept, shape complete, service boot and inserts still work`, () => {
      const sqlite = open(serviceFile(age));
      const before = dumpAllRows(sqlite);
      const plan = migrateAll(sqlite);

      expect(plan.mode).toBe('adopt');
      expect(plan.steps.at(-1)?.kind).toBe('record-journal');
      const after = dumpAllRows(sqlite);
      expect(projectOnto(before, after)).toEqual(before);
      // columns the file lacked read their DEFAULT on the rows it already had
      if (age < 5) expect(after.projects!.map((p) => p.auto_commit_push)).toEqual([0, 0]);
      if (age < 7) expect(after.projects!.map((p) => p.is_netsuite)).toEqual([0, 0]);
      if (age < 2) expect(after.tasks!.map((t) => t.parent_task_id)).toEqual([null, null, null]);
      expectComplete(sqlite);
      expectSound(sqlite);
      expectDrizzleAgrees(sqlite);

      // the service of that age, and the newest one, boot on the migrated file and insert as they do
      runServiceBootDdl(sqlite, age);
      insertServiceRows(sqlite, age, 'b');
      runServiceBootDdl(sqlite, 7);
      insertServiceRows(sqlite, 7, 'c');
      expect(projectOnto(before, dumpAllRows(sqlite)).tasks!.slice(0, before.tasks!.length)).toEqual(before.tasks);
      expectSound(sqlite);
      expect(planMigration(sqlite).steps).toEqual([]);
      sqlite.close();
    });
  }

  test('the service inline UNIQUE counts as the schema unique index: no second index is built', () => {
    const sqlite = open(serviceFile(7));
    migrateAll(sqlite);
    const names = sqlite.prepare("SELECT name FROM pragma_index_list('projects')").pluck().all();
    expect(names).not.toContain('projects_slack_channel_id_unique');
    expect(names.some((n) => String(n).startsWith('sqlite_autoindex_projects'))).toBe(true);
    sqlite.close();
  });
});

describe('migrate on files it did not get from the service', () => {
  test('an empty new file gets the full schema, the same as pushSchema, and a journal', () => {
    const sqlite = open(tempDbPath());
    const plan = migrateAll(sqlite);
    expect(plan.mode).toBe('new');
    expect(plan.steps[0]!.kind).toBe('create-schema');
    const pushed = open(tempDbPath('pushed.db'));
    pushSchema(pushed);
    const ours = readShape(sqlite);
    for (const [name, cols] of readShape(pushed).tables) expect([...(ours.tables.get(name) ?? [])]).toEqual([...cols]);
    expect([...ours.indexes]).toEqual(expect.arrayContaining([...readShape(pushed).indexes]));
    expectComplete(sqlite);
    expectDrizzleAgrees(sqlite);
    // the service, pointed at a file the console made, boots and writes as usual
    runServiceBootDdl(sqlite, 7);
    expect(insertServiceRows(sqlite, 7)).toBeGreaterThan(20);
    expectSound(sqlite);
    sqlite.close();
    pushed.close();
  });

  test('a spec-created file (pushSchema) is adopted with no table, column or index step', () => {
    const sqlite = open(tempDbPath());
    pushSchema(sqlite);
    const plan = migrateAll(sqlite);
    expect(plan.mode).toBe('adopt');
    expect(plan.steps.map((s) => s.kind).filter((k) => k !== 'create-extra')).toEqual(['record-journal']);
    expectComplete(sqlite);
    expectDrizzleAgrees(sqlite);
    sqlite.close();
  });

  test('a journaled file records only the migrations it lacks and fills what went missing', () => {
    const sqlite = open(tempDbPath());
    migrateAll(sqlite);
    const last = committedMigrations().at(-1)!;
    sqlite.prepare(`DELETE FROM ${JOURNAL_TABLE} WHERE created_at = ?`).run(last.folderMillis);
    sqlite.exec('DROP INDEX idx_tasks_parent');
    const plan = planMigration(sqlite);
    expect(plan.mode).toBe('upgrade');
    expect(plan.steps.map((s) => s.kind)).toEqual(['create-index', 'record-journal']);
    expect(plan.steps[1]!.migrations!.map((m) => m.hash)).toEqual([last.hash]);
    applyMigration(sqlite, plan);
    expectComplete(sqlite);
    expectDrizzleAgrees(sqlite);
    sqlite.close();
  });
});

describe('migrate holds the lock briefly, and says so when it cannot', () => {
  test('an index over a big table is flagged with its row count and a stop-the-service warning', () => {
    const path = serviceFile(7);
    inflateTaskRowids(path, 2_000_000);
    const sqlite = open(path);
    const plan = planMigration(sqlite);
    const long = plan.steps.filter((s) => s.lockSeconds >= 1);
    expect(long.map((s) => s.table)).toEqual(['tasks', 'tasks', 'tasks', 'tasks', 'tasks']);
    expect(long[0]!.rows).toEqual({ rows: 2_000_000, exact: false });
    expect(plan.warnings.filter((w) => /~2\.0M rows of tasks; stop the service first/.test(w))).toHaveLength(5);
    expect(plan.longestLockSeconds).toBeGreaterThanOrEqual(1);
    sqlite.close();
  });

  test('a step that fails is rolled back alone: earlier steps stay, no row changes, the rest is planned again', () => {
    const pre = open(fileWithDuplicateUser());
    const before = dumpAllRows(pre);
    const plan = planMigration(pre);
    const failing = plan.steps.findIndex((s) => s.description.includes('users_slack_user_id_unique'));
    expect(failing).toBeGreaterThan(0);
    expect(() => applyMigration(pre, plan)).toThrow(/UNIQUE constraint failed/);
    expect(projectOnto(before, dumpAllRows(pre))).toEqual(before);
    const again = planMigration(pre).steps.map((s) => s.description);
    expect(again[0]).toContain('users_slack_user_id_unique');
    expect(again).not.toContain(plan.steps[0]!.description);
    expect(readJournal(pre).exists).toBe(false);
    pre.close();
  });
});
