import type { ExtraObject } from './extras.js';
import type { CommittedMigration } from './journal.js';
import type { ColumnDef, TableDef } from './reference.js';
import type { IndexDef } from './index-defs.js';
import { describeRows, indexBuildSeconds, type RowEstimate } from './row-estimate.js';

export type StepKind = 'create-schema' | 'create-table' | 'add-column' | 'create-index' | 'drop-index' | 'create-extra' | 'repair-journal' | 'record-journal';

/** One additive change, applied in its own short transaction (extras batch their own work). */
export interface MigrationStep {
  readonly kind: StepKind;
  /** one line for the plan */
  readonly description: string;
  readonly table?: string;
  readonly column?: string;
  /** rows of the existing table the step touches */
  readonly rows?: RowEstimate;
  /** estimated seconds the write lock is held: the service waits that long for its own writes */
  readonly lockSeconds: number;
  /** DDL run in one transaction; empty for extras and the journal */
  readonly sql: readonly string[];
  readonly extra?: ExtraObject;
  readonly migrations?: readonly CommittedMigration[];
  /** create-index: the console's index under an older name that this one replaces (dropped in the same transaction) */
  readonly replaces?: string;
  /** drop-index: the index dropped */
  readonly index?: string;
}

/** Above this, the operator is asked first: the service's own writes would wait this long. */
export const LONG_LOCK_SECONDS = 1;

const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;

const ifNotExists = (sql: string, what: 'TABLE' | 'INDEX'): string => sql.replace(new RegExp(`^CREATE (UNIQUE )?${what} (?!IF NOT EXISTS)`, 'i'), (m) => `${m}IF NOT EXISTS `);

export function createSchemaStep(statements: readonly string[], tables: number, indexes: number): MigrationStep {
  return {
    kind: 'create-schema',
    description: `create the full schema on the new file: ${tables} tables, ${indexes} indexes`,
    lockSeconds: 0,
    sql: statements,
  };
}

export function createTableStep(table: TableDef, indexes: readonly IndexDef[]): MigrationStep {
  const idx = indexes.length ? `, ${indexes.length} index${indexes.length > 1 ? 'es' : ''}` : '';
  return {
    kind: 'create-table',
    description: `create table ${table.name} (${table.columns.length} columns${idx})`,
    table: table.name,
    lockSeconds: 0,
    sql: [ifNotExists(table.createSql, 'TABLE'), ...indexes.map((ix) => ifNotExists(ix.sql!, 'INDEX'))],
  };
}

/** The column as ALTER TABLE can add it: a NOT NULL one carries its DEFAULT so existing rows read it. */
export function addColumnSql(table: string, col: ColumnDef): string {
  const parts = [`ALTER TABLE ${q(table)} ADD COLUMN ${q(col.name)}`];
  if (col.type) parts.push(col.type);
  if (col.notNull) parts.push('NOT NULL');
  if (col.defaultSql !== null) parts.push(`DEFAULT ${col.defaultSql}`);
  return parts.join(' ');
}

/** Whether ALTER TABLE ADD COLUMN can add it at all (SQLite refuses these). */
export const canAddColumn = (col: ColumnDef): boolean => !col.primaryKey && !(col.notNull && col.defaultSql === null);

export function addColumnStep(table: string, col: ColumnDef, rows: RowEstimate): MigrationStep {
  const def = col.notNull ? ` NOT NULL DEFAULT ${col.defaultSql}` : ' NULL';
  const reads = col.defaultSql === null ? 'NULL' : col.defaultSql;
  return {
    kind: 'add-column',
    description: `add column ${table}.${col.name} (${col.type}${def}); existing rows read ${reads}`,
    table,
    column: col.name,
    rows,
    lockSeconds: 0, // ALTER TABLE ADD COLUMN rewrites only the schema, not the rows
    sql: [addColumnSql(table, col)],
  };
}

export function createIndexStep(ix: IndexDef, rows: RowEstimate, replaces?: string): MigrationStep {
  const lockSeconds = indexBuildSeconds(rows.rows);
  const size = describeRows(rows);
  const lock = lockSeconds >= LONG_LOCK_SECONDS ? `, holds the write lock about ${Math.ceil(lockSeconds)} s` : '';
  const instead = replaces ? `, replacing the console's ${replaces} (the service's name, so its boot builds nothing twice)` : '';
  return {
    kind: 'create-index',
    description: `create index ${ix.name} on ${ix.table} (${ix.columns.join(', ')}) over ${size}${lock}${instead}`,
    table: ix.table,
    rows,
    lockSeconds,
    sql: [ifNotExists(ix.sql!, 'INDEX'), ...(replaces ? [`DROP INDEX IF EXISTS ${q(replaces)}`] : [])],
    replaces,
  };
}

/** Drops an index the console made where another index of the file does its work. */
export function dropIndexStep(name: string, table: string, columns: readonly string[], keep: readonly string[]): MigrationStep {
  return {
    kind: 'drop-index',
    description: `drop index ${name} on ${table} (${columns.join(', ')}): the console made it, and ${keep.join(', ')} covers the same columns`,
    table,
    index: name,
    lockSeconds: 0,
    sql: [`DROP INDEX IF EXISTS ${q(name)}`],
  };
}

/** Moves the rows an older console wrote into the service's __drizzle_migrations into our own journal. */
export function repairJournalStep(migrations: readonly CommittedMigration[], journal: string, serviceJournal: string): MigrationStep {
  const n = migrations.length;
  return {
    kind: 'repair-journal',
    description:
      `move ${n} row${n > 1 ? 's' : ''} an older console wrote into ${serviceJournal} (${migrations.map((m) => m.tag).join(', ')}) ` +
      `to ${journal}; the service's own rows there stay, so its later migrations apply again`,
    lockSeconds: 0,
    sql: [],
    migrations,
  };
}

export function createExtraStep(extra: ExtraObject): MigrationStep {
  return { kind: 'create-extra', description: `create ${extra.name}: ${extra.description}`, lockSeconds: 0, sql: [], extra };
}

export function recordJournalStep(migrations: readonly CommittedMigration[], adopting: boolean, journal: string): MigrationStep {
  const tags = migrations.map((m) => m.tag).join(', ');
  const why = adopting ? 'adopts this database: its shape now matches them' : 'the file now holds their changes';
  return {
    kind: 'record-journal',
    description: `record ${migrations.length} committed migration${migrations.length > 1 ? 's' : ''} (${tags}) as applied in ${journal}; ${why}`,
    lockSeconds: 0,
    sql: [],
    migrations,
  };
}
