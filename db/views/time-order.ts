import { sql, type SQL } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { DB } from '../connection.js';
import { CANONICAL_TIME_GLOB, canonicalTimeSql } from '../time.js';

/**
 * Sorting a list by a time column as instants (issue 12) without making its pages cost more.
 *
 * The service writes every time as `toISOString()` text, whose text order is instant order, so
 * a list pages through the column's index. Another writer may leave an offset, a space, a number
 * or NULL: those rows sort elsewhere as text. So the order is the raw column while every row of
 * the table is canonical, and canonicalTimeSql(column) once one is not (SQLite then sorts the
 * matching rows per page: no index serves an expression the service's files do not index).
 *
 * Whether a table is clean is read once per connection by one scan of the column (its index
 * where there is one), then only for rows past the highest rowid checked (new rows, one seek).
 * A row changed in place to a foreign form is seen at the next start.
 */
interface Cleanliness {
  checkedTo: number;
  clean: boolean;
}

const state = new WeakMap<Database.Database, Map<string, Cleanliness>>();

const notCanonical = (column: string): string => `(${column} IS NULL OR ${column} NOT GLOB '${CANONICAL_TIME_GLOB}')`;

/** Whether every row's `column` is canonical ISO text, kept up to date by rowid. */
export function allCanonical(sqlite: Database.Database, table: string, column: string): boolean {
  let byTable = state.get(sqlite);
  if (!byTable) state.set(sqlite, (byTable = new Map()));
  const key = `${table}.${column}`;
  const c = byTable.get(key) ?? { checkedTo: 0, clean: true };
  byTable.set(key, c);
  if (!c.clean) return false;
  const q = `"${table}"`;
  const col = `"${column}"`;
  const max = (sqlite.prepare(`SELECT max(rowid) AS m FROM ${q}`).get() as { m: number | null }).m ?? 0;
  if (max <= c.checkedTo) return true;
  // The first look scans the column alone (a covering index where there is one); later ones seek the new rowids.
  const found = c.checkedTo === 0
    ? sqlite.prepare(`SELECT 1 FROM ${q} WHERE ${notCanonical(col)} LIMIT 1`).get()
    : sqlite.prepare(`SELECT 1 FROM ${q} WHERE rowid > ? AND ${notCanonical(col)} LIMIT 1`).get(c.checkedTo);
  c.checkedTo = max;
  c.clean = found === undefined;
  return c.clean;
}

/** The time column as a sort key: itself while the table is clean, its canonical form otherwise (NULL as '', the oldest). */
export function instantKey(db: DB, table: string, column: SQLiteColumn, columnName: string): () => SQLiteColumn | SQL {
  const normalized = sql.raw(`coalesce(${canonicalTimeSql(`"${table}"."${columnName}"`)}, '')`);
  return () => (allCanonical(db.$client, table, columnName) ? column : normalized);
}
