import type { RowEstimate } from '../migrate/row-estimate.js';
import type { MigrationMode } from '../migrate/plan.js';
import type { DuplicateIndexes } from '../migrate/index-names.js';
import type { ServiceJournalState } from '../migrate/journal.js';

/** What `doctor` found in a file, as plain data (the command prints it, or `--json` it). */
export interface DoctorReport {
  readonly path: string;
  readonly sizeBytes: number;
  /** the -wal file next to it, if any */
  readonly walBytes: number | null;
  readonly sqliteVersion: string;
  readonly journalMode: string;
  readonly tables: readonly TableReport[];
  /** tables the console does not manage (the service's own, others): left alone */
  readonly unmanagedTables: readonly { readonly name: string; readonly rows: RowEstimate }[];
  readonly indexes: readonly IndexReport[];
  /** two or more indexes of one table over the same columns (any table of the file) */
  readonly duplicateIndexes: readonly DuplicateIndexes[];
  readonly extras: readonly { readonly name: string; readonly description: string; readonly present: boolean }[];
  readonly journal: JournalReport;
  /** PRAGMA quick_check: ['ok'] or its complaints */
  readonly quickCheck: readonly string[];
  readonly slowOperations: readonly SlowOperation[];
  /** how many steps `migrate` would take; 0 when the file matches the schema */
  readonly migrateSteps: number;
  readonly migrateWarnings: readonly string[];
}

export interface TableReport {
  readonly name: string;
  readonly present: boolean;
  readonly missingColumns: readonly string[];
  readonly rows: RowEstimate | null;
}

export interface IndexReport {
  readonly name: string;
  readonly table: string;
  readonly columns: readonly string[];
  readonly present: boolean;
  /** the file's own index that does the same work under another name (e.g. sqlite_autoindex_*) */
  readonly presentAs: string | null;
}

/** The console's own journal, and the service's drizzle journal beside it. */
export interface JournalReport {
  readonly mode: MigrationMode;
  /** the console's journal table (__bematic_console_migrations) */
  readonly table: string;
  /** it exists, or an older console's rows in __drizzle_migrations stand for it */
  readonly exists: boolean;
  readonly recorded: number;
  readonly committed: number;
  /** committed migrations an older console recorded in the service's journal (migrate moves them) */
  readonly misplaced: number;
  readonly service: ServiceJournalReport;
}

export interface ServiceJournalReport extends ServiceJournalState {
  /** __drizzle_migrations */
  readonly table: string;
  /** its newest row's created_at as ISO text, or null */
  readonly newest: string | null;
}

/** A console operation that scans a table because its index or search extra is missing. */
export interface SlowOperation {
  readonly operation: string;
  readonly table: string;
  readonly rows: RowEstimate;
  /** "full scan of ~1.2M rows" */
  readonly cost: string;
  /** the index or extra that migrate adds to fix it */
  readonly missing: string;
}

export const passesQuickCheck = (r: Pick<DoctorReport, 'quickCheck'>): boolean => r.quickCheck.length === 1 && r.quickCheck[0] === 'ok';
