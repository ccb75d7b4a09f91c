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
 * at the first look are read in slices of SLICE index entries: the first with the first page read
 * (a table of up to SLICE rows is then known at once), the others by advanceTimeOrder, which the
 * console runs from an idle timer (src/app/live.tsx), never on a key's page read (a million rows:
 * fifty slices of ~6-40 ms each, instead of one 0.5-0.9 s scan before the first page or ~6 ms on
 * each of fifty keys). Until the last slice the list keeps the raw order; a slice that finds a
 * foreign time turns it to the instant, and the console reads its lists again. Without that index
 * (a production file before `migrate`) every page already sorts the table, and one scan at the
 * first look costs about as much. Rows added later are seen by rowid, one seek per page read. A
 * row changed in place to a foreign form is seen at the next start.
 */
export const SLICE = 20_000;

interface Cleanliness {
  clean: boolean;
  /** rowids above this were added after the first look */
  newAbove: number;
  /** where the sliced scan of the index goes on; null when it is done */
  next: string | null | 'start';
  /** the quoted table and column, and the index the scan reads */
  readonly q: string;
  readonly col: string;
  readonly index: string | undefined;
}

const state = new WeakMap<Database.Database, Map<string, Cleanliness>>();

const foreign = (column: string): string => `${column} NOT GLOB '${CANONICAL_TIME_GLOB}'`;

function firstLook(sqlite: Database.Database, q: string, col: string, index: string | undefined): Cleanliness {
  const newAbove = (sqlite.prepare(`SELECT max(rowid) AS m FROM ${q}`).get() as { m: number | null }).m ?? 0;
  // NULL (a seek with an index) is no instant: the row sorts as the oldest through the expression.
  const nulls = sqlite.prepare(`SELECT 1 FROM ${q} WHERE ${col} IS NULL LIMIT 1`).get() !== undefined;
  const at = { q, col, index };
  if (nulls) return { clean: false, newAbove, next: null, ...at };
  if (index) {
    const c: Cleanliness = { clean: true, newAbove, next: 'start', ...at };
    scanSlice(sqlite, c);
    return c;
  }
  const found = sqlite.prepare(`SELECT 1 FROM ${q} WHERE ${foreign(col)} LIMIT 1`).get();
  return { clean: found === undefined, newAbove, next: null, ...at };
}

/**
 * One slice of the index: SLICE entries on from the last value checked, in one pass. Rows tied
 * with the last value past the slice are skipped: they hold that same value, already checked.
 * The first slice has no lower bound (numbers sort before text), and BLOBs sort last.
 */
function scanSlice(sqlite: Database.Database, c: Cleanliness): void {
  const { q, col, index } = c;
  if (c.next === null || index === undefined) return;
  const after = c.next === 'start' ? [] : [c.next];
  const slice = sqlite
    .prepare(
      `SELECT max(key) AS last, count(*) AS n, sum(bad) AS bad FROM (SELECT ${col} AS key, ${foreign(col)} AS bad FROM ${q} INDEXED BY "${index}" WHERE ${c.next === 'start' ? '1' : `${col} > ?`} ORDER BY ${col} LIMIT ${SLICE})`,
    )
    .get(...after) as { last: string | null; n: number; bad: number | null };
  if ((slice.bad ?? 0) > 0) c.clean = false;
  c.next = slice.n === SLICE && c.clean && slice.last !== null ? slice.last : null;
}

/**
 * Whether every row's `column` is canonical ISO text as far as known: the first look (with its
 * first slice) once, then a seek for new rows each call; the scan goes on in advanceTimeOrder.
 * `index` names an index on (column, id).
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
  const max = (sqlite.prepare(`SELECT max(rowid) AS m FROM ${q}`).get() as { m: number | null }).m ?? 0;
  if (max > c.newAbove) {
    c.clean = sqlite.prepare(`SELECT 1 FROM ${q} WHERE rowid > ? AND (${col} IS NULL OR ${foreign(col)}) LIMIT 1`).get(c.newAbove) === undefined;
    c.newAbove = max;
  }
  return c.clean;
}

/** What one advanceTimeOrder step did. */
export interface TimeOrderStep {
  /** a slice was read */
  readonly scanned: boolean;
  /** that slice found a foreign time: lists sorted on that column now sort by the instant (read them again) */
  readonly changed: boolean;
  /** slices are left on this connection */
  readonly more: boolean;
}

/**
 * One slice of the first unfinished scan on this connection (started by a list's first page read).
 * Run it in idle time until `more` is false; it starts again if another list looks first later.
 */
export function advanceTimeOrder(sqlite: Database.Database): TimeOrderStep {
  const pending = (): Cleanliness[] => [...(state.get(sqlite)?.values() ?? [])].filter((c) => c.clean && c.next !== null);
  const todo = pending()[0];
  if (!todo || !sqlite.open) return { scanned: false, changed: false, more: false };
  // the index may have gone since the first look (a restore): the list sorts the table then anyway
  if (todo.index === undefined || !currentShape(sqlite).indexes.has(todo.index)) todo.next = null;
  else scanSlice(sqlite, todo);
  return { scanned: true, changed: !todo.clean, more: pending().length > 0 };
}

/** The time column as a sort key: itself while the table is clean, its canonical form otherwise (NULL as '', the oldest). */
export function instantKey(db: DB, table: string, column: SQLiteColumn, columnName: string, index?: string): () => SQLiteColumn | SQL {
  const normalized = sql.raw(`coalesce(${canonicalTimeSql(`"${table}"."${columnName}"`)}, '')`);
  return () => (allCanonical(db.$client, table, columnName, index) ? column : normalized);
}
