import type { DB } from '../connection.js';
import type { Operator } from '../operator.js';
import { audit, runAction } from '../actions/run.js';
import type { AuditLogRow } from '../types.js';
import { committedMigrations } from './journal.js';
import type { MigrationPlan } from './plan.js';

export const SCHEMA_MIGRATED = 'schema:migrated';
export const SCHEMA_RESOURCE = 'schema';

/** What one migrate run added, by kind: the metadata of its `schema:migrated` audit row. */
export interface MigrationAuditMetadata {
  readonly mode: MigrationPlan['mode'];
  readonly steps: number;
  readonly tables: readonly string[];
  readonly columns: readonly string[];
  readonly indexes: readonly string[];
  /** console indexes under an older name, dropped for the service's name or as duplicates */
  readonly droppedIndexes: readonly string[];
  readonly extras: readonly string[];
  /** committed migrations recorded in the console's journal */
  readonly migrations: readonly string[];
  /** rows an older console wrote into __drizzle_migrations, moved to the console's journal */
  readonly journalRowsMoved: readonly string[];
}

const INDEX_IN_SQL = /^\s*CREATE (?:UNIQUE )?INDEX (?:IF NOT EXISTS )?[`"]?([^`"\s(]+)/i;
const TABLE_IN_SQL = /^\s*CREATE TABLE (?:IF NOT EXISTS )?[`"]?([^`"\s(]+)/i;

export function migrationAuditMetadata(plan: MigrationPlan): MigrationAuditMetadata {
  const tables: string[] = [];
  const columns: string[] = [];
  const indexes: string[] = [];
  const dropped: string[] = [];
  const extras: string[] = [];
  const migrations: string[] = [];
  const moved: string[] = [];
  const names = (re: RegExp, sql: readonly string[]): string[] => sql.map((s) => re.exec(s)?.[1]).filter((n): n is string => n !== undefined);
  for (const s of plan.steps) {
    switch (s.kind) {
      case 'create-schema':
      case 'create-table':
        tables.push(...names(TABLE_IN_SQL, s.sql));
        indexes.push(...names(INDEX_IN_SQL, s.sql));
        break;
      case 'add-column':
        columns.push(`${s.table}.${s.column}`);
        break;
      case 'create-index':
        indexes.push(...names(INDEX_IN_SQL, s.sql));
        if (s.replaces) dropped.push(s.replaces);
        break;
      case 'drop-index':
        dropped.push(s.index!);
        break;
      case 'create-extra':
        extras.push(s.extra!.name);
        break;
      case 'repair-journal':
        moved.push(...s.migrations!.map((m) => m.tag));
        break;
      case 'record-journal':
        migrations.push(...s.migrations!.map((m) => m.tag));
        break;
    }
  }
  // a new file runs every migration in turn: an index created and later renamed away was not added
  const uniq = (xs: string[]): string[] => [...new Set(xs)];
  const finalIndexes = plan.mode === 'new' ? uniq(indexes).filter((n) => !droppedInSchema(n)) : uniq(indexes);
  return {
    mode: plan.mode,
    steps: plan.steps.length,
    tables: uniq(tables),
    columns,
    indexes: finalIndexes,
    droppedIndexes: uniq(dropped),
    extras,
    migrations,
    journalRowsMoved: moved,
  };
}

const droppedInSchema = (name: string): boolean => committedMigrations().some((m) => m.sql.some((s) => new RegExp(`^\\s*DROP INDEX (?:IF EXISTS )?[\`"]?${name}[\`"]?\\s*;?\\s*$`, 'i').test(s)));

/**
 * The one `schema:migrated` audit row of a migrate run, written after its steps in its own short
 * transaction, as every operator change (the operator is checked again there). Null when the
 * file has no audit_logs table or nothing was done.
 */
export function auditMigration(db: DB, op: Operator, plan: MigrationPlan): AuditLogRow | null {
  if (!plan.steps.length || !hasAuditLogs(db)) return null;
  const newest = committedMigrations().at(-1)?.tag ?? null;
  const metadata = migrationAuditMetadata(plan);
  return runAction(db, op, null, (now) => audit(db, now, SCHEMA_MIGRATED, SCHEMA_RESOURCE, newest, { ...metadata }));
}

const hasAuditLogs = (db: DB): boolean => db.$client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_logs'").get() !== undefined;
