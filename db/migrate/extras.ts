import type Database from 'better-sqlite3';
import type { DatabaseShape } from '../shape.js';

/**
 * A database object that drizzle-kit cannot express (FTS5 tables, triggers, side tables kept by
 * triggers) but that `migrate` creates additively. Each must keep the service's own boot DDL and
 * inserts working: a trigger runs inside the service's inserts, so it may never raise an error.
 */
export interface ExtraObject {
  /** unique name, shown in the plan */
  readonly name: string;
  /** one line for the plan: what it is and why */
  readonly description: string;
  /** tables that must exist before it can be created */
  readonly requires: readonly string[];
  isPresent(shape: DatabaseShape): boolean;
  /**
   * Creates it. Long work (backfilling a million rows) must run in batches of short write
   * transactions, each well under the service's 5 s busy timeout, reporting progress.
   */
  apply(sqlite: Database.Database, progress: (done: number, total: number) => void): void;
}
