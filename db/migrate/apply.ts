import type Database from 'better-sqlite3';
import { createJournalTable, moveMisplacedRows, recordMigration } from './journal.js';
import type { MigrationPlan } from './plan.js';
import type { MigrationStep } from './steps.js';

export interface MigrationProgress {
  /** 1-based number of the step, as the plan prints it */
  readonly step: number;
  readonly total: number;
  readonly description: string;
  /** rows done / to do, for steps that work in batches (extras) */
  readonly done?: number;
  readonly of?: number;
}

export interface MigrationResult {
  readonly applied: number;
  readonly seconds: number;
}

/**
 * Applies the plan step by step, each in its own short IMMEDIATE transaction, so the service's
 * writes wait at most one step. Additive only: no existing row is changed or lost.
 */
export function applyMigration(sqlite: Database.Database, plan: MigrationPlan, progress: (p: MigrationProgress) => void = () => {}): MigrationResult {
  const started = performance.now();
  const total = plan.steps.length;
  plan.steps.forEach((s, i) => {
    const report = (done?: number, of?: number): void => progress({ step: i + 1, total, description: s.description, done, of });
    report();
    runStep(sqlite, s, report);
  });
  return { applied: total, seconds: (performance.now() - started) / 1000 };
}

function runStep(sqlite: Database.Database, s: MigrationStep, report: (done: number, of: number) => void): void {
  switch (s.kind) {
    case 'create-extra':
      // the extra batches its own transactions (a full-text backfill can be built in pieces)
      s.extra!.apply(sqlite, report);
      return;
    case 'repair-journal':
      immediate(sqlite, () => {
        moveMisplacedRows(sqlite, s.migrations!);
      });
      return;
    case 'record-journal':
      immediate(sqlite, () => {
        createJournalTable(sqlite);
        for (const m of s.migrations!) recordMigration(sqlite, m);
      });
      return;
    case 'add-column':
      immediate(sqlite, () => {
        // the service's boot DDL may have added it since the plan was made
        if (!hasColumn(sqlite, s.table!, s.column!)) sqlite.exec(s.sql[0]!);
      });
      return;
    default:
      immediate(sqlite, () => {
        for (const stmt of s.sql) sqlite.exec(stmt);
      });
  }
}

function immediate(sqlite: Database.Database, fn: () => void): void {
  sqlite.transaction(fn).immediate();
}

function hasColumn(sqlite: Database.Database, table: string, column: string): boolean {
  return sqlite.prepare('SELECT 1 FROM pragma_table_info(?) WHERE name = ?').get(table, column) !== undefined;
}
