import { describe, expect, test } from 'vitest';
import type Database from 'better-sqlite3';
import { openDatabase } from '../../db/connection.js';
import { planMigration } from '../../db/migrate/plan.js';
import { applyMigration } from '../../db/migrate/apply.js';
import { readIndexDefs } from '../../db/migrate/index-defs.js';
import { committedMigrations, createJournalTable, recordMigration } from '../../db/migrate/journal.js';
import { readShape } from '../../db/shape.js';
import { SERVICE_AGES, runServiceBootDdl } from '../fixtures/service-ddl.js';
import { serviceFile } from '../fixtures/service-file.js';
import { dumpAllRows, projectOnto } from '../fixtures/dump.js';
import { tempDbPath } from '../helpers/temp-db.js';

/** The service's boot DDL for scheduled_tasks (packages/db/src/migrate.ts), name by name. */
const SERVICE_SCHEDULE_INDEXES = ['scheduled_tasks_next_execution_idx', 'scheduled_tasks_project_id_idx', 'scheduled_tasks_status_enabled_idx', 'scheduled_tasks_user_id_idx'];

/** What the console's migrations 0000-0003 created for scheduled_tasks before it took the service's names. */
const OLD_CONSOLE_INDEXES = [
  'CREATE INDEX `idx_scheduled_tasks_next_execution` ON `scheduled_tasks` (`next_execution_at`)',
  'CREATE INDEX `idx_scheduled_tasks_status_enabled` ON `scheduled_tasks` (`status`,`enabled`)',
  'CREATE INDEX `idx_scheduled_tasks_project` ON `scheduled_tasks` (`project_id`)',
  'CREATE INDEX `idx_scheduled_tasks_user` ON `scheduled_tasks` (`user_id`)',
];

const open = (path: string): Database.Database => openDatabase({ path, create: true }).sqlite;

function consoleMigrate(sqlite: Database.Database): ReturnType<typeof planMigration> {
  const plan = planMigration(sqlite);
  applyMigration(sqlite, plan);
  return plan;
}

/** Every set of two or more indexes of one table over the same columns, in the same order. */
function duplicateSets(sqlite: Database.Database): string[][] {
  const groups = new Map<string, string[]>();
  for (const ix of readIndexDefs(sqlite, readShape(sqlite).tables.keys())) {
    const key = `${ix.table}(${ix.columns.join(',')})`;
    groups.set(key, [...(groups.get(key) ?? []), ix.name]);
  }
  return [...groups.values()].filter((names) => names.length > 1).map((names) => names.sort());
}

const scheduleIndexNames = (sqlite: Database.Database): string[] =>
  sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'scheduled_tasks' AND sql IS NOT NULL ORDER BY name").pluck().all() as string[];

/** A file as the console before this change left it: the old index names, its journal at 0003. */
function oldConsoleFile(): Database.Database {
  const sqlite = open(tempDbPath());
  consoleMigrate(sqlite);
  for (const name of SERVICE_SCHEDULE_INDEXES) sqlite.exec(`DROP INDEX ${name}`);
  for (const ddl of OLD_CONSOLE_INDEXES) sqlite.exec(ddl);
  sqlite.exec('DROP TABLE __bematic_console_migrations');
  createJournalTable(sqlite);
  for (const m of committedMigrations().filter((m) => m.tag < '0004')) recordMigration(sqlite, m);
  return sqlite;
}

describe("the console's indexes carry the service's names: the service's next boot builds nothing twice", () => {
  for (const age of SERVICE_AGES) {
    test(`age ${age}: console migrate, then the service's boot DDL: no two indexes over the same columns`, () => {
      const sqlite = open(serviceFile(age));
      consoleMigrate(sqlite);
      runServiceBootDdl(sqlite, 7);
      expect(duplicateSets(sqlite)).toEqual([]);
      expect(scheduleIndexNames(sqlite)).toEqual(SERVICE_SCHEDULE_INDEXES);
      sqlite.close();
    });
  }

  test('a file the console created, then the service booted on it: no duplicates, the service names', () => {
    const sqlite = open(tempDbPath());
    expect(consoleMigrate(sqlite).mode).toBe('new');
    expect(scheduleIndexNames(sqlite)).toEqual(SERVICE_SCHEDULE_INDEXES);
    runServiceBootDdl(sqlite, 7);
    expect(duplicateSets(sqlite)).toEqual([]);
    sqlite.close();
  });
});

describe('migrate repairs the index names an older console gave', () => {
  test('old names alone: each rebuilt under the service name and the old one dropped, 0004 recorded, no warning', () => {
    const sqlite = oldConsoleFile();
    const plan = planMigration(sqlite);
    expect(plan.mode).toBe('upgrade');
    expect(plan.warnings).toEqual([]);
    expect(plan.steps.map((s) => s.kind)).toEqual(['create-index', 'create-index', 'create-index', 'create-index', 'record-journal']);
    expect(plan.steps[0]!.description).toMatch(
      /^create index scheduled_tasks_next_execution_idx on scheduled_tasks \(next_execution_at\) .*replacing the console's idx_scheduled_tasks_next_execution/,
    );
    applyMigration(sqlite, plan);
    expect(scheduleIndexNames(sqlite)).toEqual(SERVICE_SCHEDULE_INDEXES);
    runServiceBootDdl(sqlite, 7);
    expect(duplicateSets(sqlite)).toEqual([]);
    expect(planMigration(sqlite).steps).toEqual([]);
    sqlite.close();
  });

  test('old names and the service booted since (both sets built): the console ones are dropped, rows untouched', () => {
    const sqlite = oldConsoleFile();
    runServiceBootDdl(sqlite, 7);
    expect(duplicateSets(sqlite)).toHaveLength(4);
    const rows = (): ReturnType<typeof dumpAllRows> => {
      const { __bematic_console_migrations: _journal, ...data } = dumpAllRows(sqlite);
      return data;
    };
    const before = rows();
    const plan = planMigration(sqlite);
    expect(
      plan.steps
        .filter((s) => s.kind === 'drop-index')
        .map((s) => s.index)
        .sort(),
    ).toEqual(['idx_scheduled_tasks_next_execution', 'idx_scheduled_tasks_project', 'idx_scheduled_tasks_status_enabled', 'idx_scheduled_tasks_user']);
    expect(plan.steps.some((s) => s.kind === 'create-index')).toBe(false);
    applyMigration(sqlite, plan);
    expect(duplicateSets(sqlite)).toEqual([]);
    expect(scheduleIndexNames(sqlite)).toEqual(SERVICE_SCHEDULE_INDEXES);
    expect(projectOnto(before, rows())).toEqual(before);
    sqlite.close();
  });

  test("an index neither the console's nor named by it is never dropped, even when it duplicates one", () => {
    const sqlite = open(serviceFile(7));
    consoleMigrate(sqlite);
    sqlite.exec('CREATE INDEX ops_tasks_created ON tasks (created_at, id)');
    sqlite.exec('CREATE INDEX ops_sched_user ON scheduled_tasks (user_id)');
    const plan = planMigration(sqlite);
    // the console's own idx_tasks_created goes (the other does its work); the service's scheduled_tasks index stays
    expect(plan.steps.map((s) => s.index)).toEqual(['idx_tasks_created']);
    applyMigration(sqlite, plan);
    expect(duplicateSets(sqlite)).toEqual([['ops_sched_user', 'scheduled_tasks_user_id_idx']]);
    expect(planMigration(sqlite).steps).toEqual([]);
    sqlite.close();
  });
});
