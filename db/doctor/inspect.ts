import { existsSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { readShape, type DatabaseShape } from '../shape.js';
import { searchExtras } from '../search/extras.js';
import type { ExtraObject } from '../migrate/extras.js';
import { readIndexDefs, satisfies } from '../migrate/index-defs.js';
import { committedMigrations, readJournal, readServiceJournal, JOURNAL_TABLE, SERVICE_JOURNAL_TABLE } from '../migrate/journal.js';
import { findDuplicateIndexes } from '../migrate/index-names.js';
import { planMigration } from '../migrate/plan.js';
import { referenceSchema, type ReferenceSchema } from '../migrate/reference.js';
import { estimateRows, type RowEstimate } from '../migrate/row-estimate.js';
import type { DoctorReport, IndexReport, JournalReport, TableReport } from './report.js';
import { slowOperations } from './slow-operations.js';

/**
 * Reads what the file is against the schema; only reads (doctor opens the file read-only), and
 * counts rows by max(rowid) on big tables so it never holds a read for seconds.
 */
export function inspectDatabase(sqlite: Database.Database, path: string, extras: readonly ExtraObject[] = searchExtras): DoctorReport {
  const ref = referenceSchema();
  const shape = readShape(sqlite);
  const rowCache = new Map<string, RowEstimate>();
  const rowsOf = (table: string): RowEstimate | null => {
    if (!shape.tables.has(table)) return null;
    if (!rowCache.has(table)) rowCache.set(table, estimateRows(sqlite, table));
    return rowCache.get(table)!;
  };
  const indexes = indexReports(sqlite, ref, shape);
  const extraReports = extras.map((e) => ({ name: e.name, description: e.description, present: e.isPresent(shape) }));
  const missing = new Set([...indexes.filter((i) => !i.present).map((i) => i.name), ...extraReports.filter((e) => !e.present).map((e) => e.name)]);
  const plan = planMigration(sqlite, extras);
  const wal = `${path}-wal`;
  return {
    path,
    sizeBytes: statSync(path).size,
    walBytes: existsSync(wal) ? statSync(wal).size : null,
    sqliteVersion: String(sqlite.prepare('SELECT sqlite_version()').pluck().get()),
    journalMode: String(sqlite.pragma('journal_mode', { simple: true })),
    tables: ref.tables.map((t): TableReport => {
      const have = shape.tables.get(t.name);
      const missingColumns = have ? t.columns.filter((c) => !have.has(c.name)).map((c) => c.name) : [];
      return { name: t.name, present: have !== undefined, missingColumns, rows: rowsOf(t.name) };
    }),
    unmanagedTables: unmanagedTableNames(shape, ref, extras).map((name) => ({ name, rows: rowsOf(name)! })),
    indexes,
    duplicateIndexes: findDuplicateIndexes(readIndexDefs(sqlite, shape.tables.keys()), new Set(ref.indexes.map((i) => i.name))),
    extras: extraReports,
    journal: journalReport(sqlite, plan.mode),
    quickCheck: quickCheck(sqlite),
    slowOperations: slowOperations(missing, rowsOf),
    migrateSteps: plan.steps.length,
    migrateWarnings: plan.warnings,
  };
}

function journalReport(sqlite: Database.Database, mode: JournalReport['mode']): JournalReport {
  const journal = readJournal(sqlite);
  const service = readServiceJournal(sqlite);
  const newest = service.newestAt === null || !Number.isFinite(service.newestAt) ? null : new Date(service.newestAt).toISOString();
  return {
    mode,
    table: JOURNAL_TABLE,
    exists: journal.exists,
    recorded: journal.recorded,
    committed: committedMigrations().length,
    misplaced: journal.misplaced.length,
    service: { ...service, table: SERVICE_JOURNAL_TABLE, newest },
  };
}

function indexReports(sqlite: Database.Database, ref: ReferenceSchema, shape: DatabaseShape): IndexReport[] {
  const existing = readIndexDefs(
    sqlite,
    ref.tables.map((t) => t.name).filter((n) => shape.tables.has(n)),
  );
  return ref.indexes.map((ix) => {
    const have = existing.find((e) => e.name === ix.name && satisfies(e, ix)) ?? existing.find((e) => satisfies(e, ix));
    const presentAs = have && have.name !== ix.name ? have.name : null;
    return { name: ix.name, table: ix.table, columns: ix.columns, present: have !== undefined, presentAs };
  });
}

/** Tables neither in the schema nor made by migrate (search extras and their shadow tables), nor a journal (reported apart). */
function unmanagedTableNames(shape: DatabaseShape, ref: ReferenceSchema, extras: readonly ExtraObject[]): string[] {
  const managed = new Set(ref.tables.map((t) => t.name));
  const ours = (name: string): boolean =>
    managed.has(name) || name === JOURNAL_TABLE || name === SERVICE_JOURNAL_TABLE || name.startsWith('sqlite_') || extras.some((e) => name === e.name || name.startsWith(`${e.name}_`));
  return [...shape.tables.keys()].filter((n) => !ours(n)).sort();
}

/** At most 20 complaints: enough to say what is wrong without printing the whole file. */
function quickCheck(sqlite: Database.Database): string[] {
  return (sqlite.pragma('quick_check(20)') as { quick_check: string }[]).map((r) => r.quick_check);
}
