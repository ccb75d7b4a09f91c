import type Database from 'better-sqlite3';
import { readShape, type DatabaseShape } from '../shape.js';
import { searchExtras } from '../search/extras.js';
import type { ExtraObject } from './extras.js';
import { readIndexDefs, satisfies, type IndexDef } from './index-defs.js';
import { findDuplicateIndexes, isConsoleOwnIndex } from './index-names.js';
import { committedMigrations, pendingMigrations, readJournal, JOURNAL_TABLE, SERVICE_JOURNAL_TABLE, type JournalState } from './journal.js';
import { referenceSchema, type ReferenceSchema } from './reference.js';
import { migrationStatements } from './push-schema.js';
import { estimateRows, describeRows } from './row-estimate.js';
import * as step from './steps.js';
import type { MigrationStep } from './steps.js';

/** new: an empty file; adopt: made by the service (no journal of ours); upgrade: already journaled by us (or by an older console). */
export type MigrationMode = 'new' | 'adopt' | 'upgrade';

export interface MigrationPlan {
  readonly mode: MigrationMode;
  readonly steps: readonly MigrationStep[];
  /** things migrate will not do, and the lock warnings for big tables */
  readonly warnings: readonly string[];
  /** the longest time one step holds the write lock, in seconds (estimated) */
  readonly longestLockSeconds: number;
}

/** Statements migrate can reproduce additively; anything else in a pending migration is reported. */
const ADDITIVE = /^\s*(CREATE (UNIQUE )?INDEX|CREATE TABLE|ALTER TABLE \S+ ADD)/i;
/** Dropping one of the console's own indexes (a rename) is something migrate does itself. */
const DROPS_OWN_INDEX = (stmt: string): boolean => {
  const name = /^\s*DROP INDEX (?:IF EXISTS )?[`"]?([^`"\s;]+)/i.exec(stmt)?.[1];
  return name !== undefined && isConsoleOwnIndex(name);
};

/** What `migrate` would do to this file, in order; nothing is changed. */
export function planMigration(sqlite: Database.Database, extras: readonly ExtraObject[] = searchExtras): MigrationPlan {
  const ref = referenceSchema();
  const shape = readShape(sqlite);
  const journal = readJournal(sqlite);
  const managedPresent = ref.tables.some((t) => shape.tables.has(t.name));
  const mode: MigrationMode = journal.exists ? 'upgrade' : managedPresent ? 'adopt' : 'new';
  const warnings: string[] = [];
  const steps: MigrationStep[] = [];
  // first, so the service's own drizzle journal is right again whatever later steps do
  if (journal.misplaced.length) steps.push(step.repairJournalStep(journal.misplaced, JOURNAL_TABLE, SERVICE_JOURNAL_TABLE));
  if (mode === 'new') steps.push(step.createSchemaStep(migrationStatements(), ref.tables.length, ref.indexes.length));
  else steps.push(...fillSteps(sqlite, ref, shape, warnings), ...duplicateSteps(sqlite, ref, shape));
  steps.push(...extraSteps(extras, shape, ref, warnings));
  const toRecord = mode === 'new' || mode === 'adopt' ? [...committedMigrations()] : pendingMigrations(journal);
  if (toRecord.length) steps.push(step.recordJournalStep(toRecord, mode === 'adopt', JOURNAL_TABLE));
  if (mode === 'upgrade') warnings.push(...nonAdditiveWarnings(journal));
  for (const s of steps) {
    if (s.lockSeconds >= step.LONG_LOCK_SECONDS) warnings.push(lockWarning(s));
  }
  return { mode, steps, warnings, longestLockSeconds: Math.max(0, ...steps.map((s) => s.lockSeconds)) };
}

/** Missing tables, then missing columns, then missing indexes: each its own step. */
function fillSteps(sqlite: Database.Database, ref: ReferenceSchema, shape: DatabaseShape, warnings: string[]): MigrationStep[] {
  const tables: MigrationStep[] = [];
  const columns: MigrationStep[] = [];
  const indexes: MigrationStep[] = [];
  const existing = readIndexDefs(
    sqlite,
    ref.tables.map((t) => t.name).filter((n) => shape.tables.has(n)),
  );
  const refNames = new Set(ref.indexes.map((ix) => ix.name));
  for (const table of ref.tables) {
    const have = shape.tables.get(table.name);
    const wanted = ref.indexes.filter((ix) => ix.table === table.name);
    if (!have) {
      tables.push(step.createTableStep(table, wanted));
      continue;
    }
    const missingCols = table.columns.filter((c) => !have.has(c.name));
    const missingIdx = wanted.filter((ix) => indexState(existing, ix, refNames) !== 'present');
    if (!missingCols.length && !missingIdx.length) continue;
    const rows = estimateRows(sqlite, table.name);
    for (const col of missingCols) {
      if (step.canAddColumn(col)) columns.push(step.addColumnStep(table.name, col, rows));
      else warnings.push(`column ${table.name}.${col.name} cannot be added by ALTER TABLE (NOT NULL without a default); left missing`);
    }
    const addable = new Set([...have, ...missingCols.filter(step.canAddColumn).map((c) => c.name)]);
    for (const ix of missingIdx) {
      const state = indexState(existing, ix, refNames);
      const replaces = typeof state === 'object' ? state.replaces : undefined;
      if (ix.columns.every((c) => addable.has(c))) indexes.push(step.createIndexStep(ix, rows, replaces));
    }
  }
  return [...tables, ...columns, ...indexes];
}

/**
 * present: under its name, or another index that is not the console's own does its work (the
 * service's, SQLite's automatic one); replaces: only the console's index under an older name
 * does it, so it is built under the schema's name (the service's, where the service has one)
 * and the old one dropped; missing: nothing does.
 */
export function indexState(existing: readonly IndexDef[], wanted: IndexDef, refNames: ReadonlySet<string>): 'present' | 'missing' | { replaces: string } {
  const doing = existing.filter((e) => satisfies(e, wanted));
  if (doing.some((e) => e.name === wanted.name || refNames.has(e.name) || !isConsoleOwnIndex(e.name))) return 'present';
  return doing.length ? { replaces: doing[0]!.name } : 'missing';
}

/** The console's own indexes that duplicate another index of the same table and columns. */
function duplicateSteps(sqlite: Database.Database, ref: ReferenceSchema, shape: DatabaseShape): MigrationStep[] {
  const existing = readIndexDefs(sqlite, [...shape.tables.keys()]);
  const refNames = new Set(ref.indexes.map((ix) => ix.name));
  return findDuplicateIndexes(existing, refNames).flatMap((d) =>
    d.drop.map((name) =>
      step.dropIndexStep(
        name,
        d.table,
        d.columns,
        d.names.filter((n) => !d.drop.includes(n)),
      ),
    ),
  );
}

function extraSteps(extras: readonly ExtraObject[], shape: DatabaseShape, ref: ReferenceSchema, warnings: string[]): MigrationStep[] {
  const willExist = new Set([...shape.tables.keys(), ...ref.tables.map((t) => t.name)]);
  const out: MigrationStep[] = [];
  for (const extra of extras) {
    if (extra.isPresent(shape)) continue;
    const lacking = extra.requires.filter((t) => !willExist.has(t));
    if (lacking.length) warnings.push(`${extra.name} needs ${lacking.join(', ')}, which this database lacks; left out`);
    else out.push(step.createExtraStep(extra));
  }
  return out;
}

function nonAdditiveWarnings(journal: JournalState): string[] {
  return pendingMigrations(journal)
    .filter((m) => m.sql.some((s) => s.trim() !== '' && !ADDITIVE.test(s) && !DROPS_OWN_INDEX(s)))
    .map((m) => `migration ${m.tag} changes existing tables; migrate applies only its additive part`);
}

function lockWarning(s: MigrationStep): string {
  const rows = s.rows ? `${describeRows(s.rows)} of ${s.table}` : (s.table ?? 'the file');
  return (
    `${s.description.split(' over ')[0]}: SQLite builds an index in one piece, so the write lock is held about ` +
    `${Math.ceil(s.lockSeconds)} s over ${rows}; stop the service first, or its writes wait (and fail past 5 s)`
  );
}
