import type Database from 'better-sqlite3';
import { planMigration, type MigrationPlan } from './plan.js';
import { applyMigration, type MigrationProgress, type MigrationResult } from './apply.js';

export interface MigrateOutcome extends MigrationResult {
  /** what was done (nothing when `plan.steps` is empty: the file already matched) */
  readonly plan: MigrationPlan;
}

/**
 * `bematic-console migrate` as a function, for programs that use bematic-console/db: plans the
 * additive upgrade of this file (any age, or empty) and applies it step by step in short
 * transactions. Unlike the command it does not ask before a step that holds the write lock for
 * seconds: look at `planMigration(sqlite).longestLockSeconds` first if the service is running.
 */
export function migrate(sqlite: Database.Database, progress?: (p: MigrationProgress) => void): MigrateOutcome {
  const plan = planMigration(sqlite);
  if (plan.steps.length === 0) return { plan, applied: 0, seconds: 0 };
  return { plan, ...applyMigration(sqlite, plan, progress) };
}
