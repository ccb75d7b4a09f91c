import { describe, expect, test } from 'vitest';
import type Database from 'better-sqlite3';
import { openDatabase } from '../../db/connection.js';
import { planMigration } from '../../db/migrate/plan.js';
import { applyMigration } from '../../db/migrate/apply.js';
import { committedMigrations, JOURNAL_TABLE, readJournal } from '../../db/migrate/journal.js';
import { serviceFile } from '../fixtures/service-file.js';
import { addLaterServiceMigration, LATER_SERVICE_MIGRATION, runServiceDrizzleMigrate, serviceDrizzleFolder, serviceJournalRows } from '../fixtures/service-drizzle.js';
import { tempDbPath } from '../helpers/temp-db.js';

const open = (path: string): Database.Database => openDatabase({ path, create: true }).sqlite;

function consoleMigrate(sqlite: Database.Database): ReturnType<typeof planMigration> {
  const plan = planMigration(sqlite);
  applyMigration(sqlite, plan);
  return plan;
}

const tableExists = (sqlite: Database.Database, name: string): boolean => sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

const ownJournal = (sqlite: Database.Database): { hash: string; created_at: number }[] =>
  sqlite.prepare(`SELECT hash, created_at FROM ${JOURNAL_TABLE} ORDER BY created_at`).all() as { hash: string; created_at: number }[];

const allCommitted = (): { hash: string; created_at: number }[] => committedMigrations().map((m) => ({ hash: m.hash, created_at: m.folderMillis }));

/** The journal rows an older console (before its own table) wrote: drizzle's table, our hashes. */
function writeOldConsoleRows(sqlite: Database.Database): void {
  sqlite.exec('CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)');
  const insert = sqlite.prepare('INSERT INTO "__drizzle_migrations" ("hash", "created_at") VALUES (?, ?)');
  for (const m of committedMigrations()) insert.run(m.hash, m.folderMillis);
}

describe("the service's drizzle journal stays the service's", () => {
  test('a file drizzle migrate() manages: after console migrate, a later service migration still applies', () => {
    const folder = serviceDrizzleFolder();
    const sqlite = open(tempDbPath());
    runServiceDrizzleMigrate(sqlite, folder);
    const serviceRows = serviceJournalRows(sqlite);
    expect(serviceRows).toHaveLength(1);

    const plan = consoleMigrate(sqlite);
    expect(plan.mode).toBe('adopt');
    expect(plan.steps.at(-1)!.description).toContain(`as applied in ${JOURNAL_TABLE}`);
    expect(serviceJournalRows(sqlite)).toEqual(serviceRows); // untouched
    expect(ownJournal(sqlite)).toEqual(allCommitted());

    addLaterServiceMigration(folder);
    runServiceDrizzleMigrate(sqlite, folder);
    expect(tableExists(sqlite, 'release_notes')).toBe(true);
    expect(serviceJournalRows(sqlite).map((r) => r.created_at)).toEqual([serviceRows[0]!.created_at, LATER_SERVICE_MIGRATION.when]);
    // and the console still has nothing to do: the service's new table is not its business
    expect(planMigration(sqlite).steps).toEqual([]);
    sqlite.close();
  });

  test("an older console's rows in __drizzle_migrations are moved out; the service's own row stays", () => {
    const folder = serviceDrizzleFolder();
    const sqlite = open(tempDbPath());
    runServiceDrizzleMigrate(sqlite, folder);
    const serviceRows = serviceJournalRows(sqlite);
    consoleMigrate(sqlite);
    // the file as an older console left it: its hashes in the service's journal, no table of its own
    sqlite.exec(`DROP TABLE ${JOURNAL_TABLE}`);
    writeOldConsoleRows(sqlite);
    expect(serviceJournalRows(sqlite)).toHaveLength(1 + committedMigrations().length);

    const plan = planMigration(sqlite);
    expect(plan.mode).toBe('upgrade');
    expect(plan.steps.map((s) => s.kind)).toEqual(['repair-journal']);
    expect(plan.steps[0]!.description).toMatch(/^move \d+ rows an older console wrote into __drizzle_migrations .* to __bematic_console_migrations/);
    applyMigration(sqlite, plan);

    expect(serviceJournalRows(sqlite)).toEqual(serviceRows);
    expect(ownJournal(sqlite)).toEqual(allCommitted());
    expect(planMigration(sqlite).steps).toEqual([]);
    addLaterServiceMigration(folder);
    runServiceDrizzleMigrate(sqlite, folder);
    expect(tableExists(sqlite, 'release_notes')).toBe(true);
    sqlite.close();
  });

  test('an older console journal on a service-made file (only our rows there): all moved, the table kept empty', () => {
    const sqlite = open(serviceFile(7));
    consoleMigrate(sqlite);
    sqlite.exec(`DROP TABLE ${JOURNAL_TABLE}`);
    writeOldConsoleRows(sqlite);
    expect(readJournal(sqlite)).toMatchObject({ exists: true, recorded: committedMigrations().length });
    const plan = consoleMigrate(sqlite);
    expect(plan.steps.map((s) => s.kind)).toEqual(['repair-journal']);
    expect(serviceJournalRows(sqlite)).toEqual([]);
    expect(ownJournal(sqlite)).toEqual(allCommitted());
    sqlite.close();
  });

  test('an older console that knew fewer migrations: its rows move, the newer ones are applied and recorded', () => {
    const sqlite = open(serviceFile(7));
    consoleMigrate(sqlite);
    sqlite.exec(`DROP TABLE ${JOURNAL_TABLE}`);
    writeOldConsoleRows(sqlite);
    const last = committedMigrations().at(-1)!;
    sqlite.prepare('DELETE FROM "__drizzle_migrations" WHERE hash = ?').run(last.hash);
    const plan = consoleMigrate(sqlite);
    expect(plan.steps[0]!.kind).toBe('repair-journal');
    expect(plan.steps[0]!.migrations!.map((m) => m.tag)).not.toContain(last.tag);
    expect(plan.steps.at(-1)!.migrations!.map((m) => m.tag)).toEqual([last.tag]);
    expect(ownJournal(sqlite)).toEqual(allCommitted());
    expect(serviceJournalRows(sqlite)).toEqual([]);
    sqlite.close();
  });
});
