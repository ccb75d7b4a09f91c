import Database from 'better-sqlite3';
import { migrationStatements } from './push-schema.js';
import { readIndexDefs, type IndexDef } from './index-defs.js';

/** A column of the schema as `PRAGMA table_info` describes it once the migrations have run. */
export interface ColumnDef {
  readonly name: string;
  readonly type: string;
  readonly notNull: boolean;
  /** the DEFAULT expression as SQL text (`'[]'`, `false`, `5`), or null */
  readonly defaultSql: string | null;
  readonly primaryKey: boolean;
}

export interface TableDef {
  readonly name: string;
  /** the CREATE TABLE statement, exactly as the committed migrations leave it */
  readonly createSql: string;
  readonly columns: readonly ColumnDef[];
}

/** The schema the console manages, in creation order (parents before children). */
export interface ReferenceSchema {
  readonly tables: readonly TableDef[];
  /** indexes made by CREATE INDEX in the migrations (automatic ones come with CREATE TABLE) */
  readonly indexes: readonly IndexDef[];
}

interface TableInfoRow {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

let cached: ReferenceSchema | undefined;

/**
 * The committed drizzle-kit migrations applied to an in-memory database and read back: the one
 * source of truth for what a complete file holds, whatever later migrations change.
 */
export function referenceSchema(): ReferenceSchema {
  if (cached) return cached;
  const mem = new Database(':memory:');
  try {
    for (const stmt of migrationStatements()) mem.exec(stmt);
    const tableRows = mem.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid").all() as { name: string; sql: string }[];
    const info = mem.prepare('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid');
    const tables = tableRows.map(({ name, sql }) => ({
      name,
      createSql: sql,
      columns: (info.all(name) as TableInfoRow[]).map((c) => ({
        name: c.name,
        type: c.type,
        notNull: c.notnull === 1,
        defaultSql: c.dflt_value,
        primaryKey: c.pk > 0,
      })),
    }));
    const order = mem.prepare("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY rowid").pluck().all() as string[];
    const indexes = readIndexDefs(
      mem,
      tables.map((t) => t.name),
    )
      .filter((ix) => ix.origin === 'c')
      .sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
    cached = { tables, indexes };
    return cached;
  } finally {
    mem.close();
  }
}
