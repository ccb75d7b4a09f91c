import { sql, type SQL } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { DB } from '../connection.js';
import { currentShape } from '../tables.js';
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
 * Whether a table is clean is learnt per connection. With an index on (column, id) the rows there
 * at the first look are read in slices of SLICE index entries, one slice per page read (a million
 * rows: fifty page reads of one slice, ~10-40 ms each on a loaded 2-core machine, instead of one 0.5-0.9 s scan before the first page);
 * until the last slice the list keeps the raw order. Without that index (a production file before
 * `migrate`) every page already sorts the table, and one scan at the first look costs about as much.
 * Rows added later are seen by rowid, one seek per page read. A row changed in place to a
 * foreign form is seen at the next start.
 */
export const SLICE = 20_000;

interface Cleanliness {
  clean: boolean;
  /** rowids above this were added after the first look */
  newAbove: number;
  /** where the sliced scan of the index goes on; null when it is done */
  next: string | null | 'start';
}

const state = new WeakMap<Database.Database, Map<string, Cleanliness>>();

const foreign = (column: string): string => `${column} NOT GLOB '${CANONICAL_TIME_GLOB}'`;

function firstLook(sqlite: Database.Database, q: string, col: string, index: string | undefined): Cleanliness {
  const newAbove = (sqlite.prepare(`SELECT max(rowid) AS m FROM ${q}`).get() as { m: number | null }).m ?? 0;
  // NULL (a seek with an index) is no instant: the row sorts as the oldest through the expression.
  const nulls = sqlite.prepare(`SELECT 1 FROM ${q} WHERE ${col} IS NULL LIMIT 1`).get() !== undefined;
  if (nulls) return { clean: false, newAbove, next: null };
  if (index) return { clean: true, newAbove, next: 'start' };
  const found = sqlite.prepare(`SELECT 1 FROM ${q} WHERE ${foreign(col)} LIMIT 1`).get();
  return { clean: found === undefined, newAbove, next: null };
}

/**
 * One slice of the index: SLICE entries on from the last value checked, in one pass. Rows tied
 * with the last value past the slice are skipped: they hold that same value, already checked.
 * The first slice has no lower bound (numbers sort before text), and BLOBs sort last.
 */
function scanSlice(sqlite: Database.Database, q: string, col: string, index: string, c: Cleanliness): void {
  if (c.next === null) return;
  const after = c.next === 'start' ? [] : [c.next];
  const slice = sqlite
    .prepare(`SELECT max(key) AS last, count(*) AS n, sum(bad) AS bad FROM (SELECT ${col} AS key, ${foreign(col)} AS bad FROM ${q} INDEXED BY "${index}" WHERE ${c.next === 'start' ? '1' : `${col} > ?`} ORDER BY ${col} LIMIT ${SLICE})`)
    .get(...after) as { last: string | null; n: number; bad: number | null };
  if ((slice.bad ?? 0) > 0) c.clean = false;
  c.next = slice.n === SLICE && c.clean && slice.last !== null ? slice.last : null;
}

/**
 * Whether every row's `column` is canonical ISO text as far as known: one slice more of the
 * first look's scan and a seek for new rows each call. `index` names an index on (column, id).
 */
export function allCanonical(sqlite: Database.Database, table: string, column: string, index?: string): boolean {
  let byTable = state.get(sqlite);
  if (!byTable) state.set(sqlite, (byTable = new Map()));
  const q = `"${table}"`;
  const col = `"${column}"`;
  const key = `${table}.${column}`;
  const usable = index !== undefined && currentShape(sqlite).indexes.has(index) ? index : undefined;
  let c = byTable.get(key);
  if (!c) byTable.set(key, (c = firstLook(sqlite, q, col, usable)));
  if (!c.clean) return false;
  if (usable) scanSlice(sqlite, q, col, usable, c);
  else c.next = null;
  if (!c.clean) return false;
  const max = (sqlite.prepare(`SELECT max(rowid) AS m FROM ${q}`).get() as { m: number | null }).m ?? 0;
  if (max > c.newAbove) {
    c.clean = sqlite.prepare(`SELECT 1 FROM ${q} WHERE rowid > ? AND (${col} IS NULL OR ${foreign(col)}) LIMIT 1`).get(c.newAbove) === undefined;
    c.newAbove = max;
  }
  return c.clean;
}

/** The time column as a sort key: itself while the table is clean, its canonical form otherwise (NULL as '', the oldest). */
export function instantKey(db: DB, table: string, column: SQLiteColumn, columnName: string, index?: string): () => SQLiteColumn | SQL {
  const normalized = sql.raw(`coalesce(${canonicalTimeSql(`"${table}"."${columnName}"`)}, '')`);
  return () => (allCanonical(db.$client, table, columnName, index) ? column : normalized);
}
