import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { DB } from '../connection.js';
import { canonicalTimeSql } from '../time.js';
import type { KeysetOrder } from './keyset.js';

/**
 * Sorting a list by any of its columns (issue 15) while it stays keyset-paged: each sort is a
 * keyset order (value, id). A sort key must never be NULL (a row-value comparison with NULL is
 * neither before nor after: the row would drop out of paging), so nullable columns are coalesced.
 */
export type SortDirection = 'asc' | 'desc';

/** Which column a list is sorted by (a sort id of its source) and which way. */
export interface ListSort {
  readonly by: string;
  readonly direction: SortDirection;
}

/** A sort asked for: without a direction, the column's own first direction. */
export interface SortAsk {
  readonly by: string;
  readonly direction?: SortDirection;
}

export interface SortKey {
  /** the value sorted on, never NULL; a function when it is chosen per page (time-order.ts) */
  readonly key: SQLiteColumn | SQL | (() => SQLiteColumn | SQL);
  /** the direction it takes when first chosen (times and amounts: largest first) */
  readonly first: SortDirection;
  /** an index serves this order: it stays cheap on a table of any size */
  readonly indexed?: boolean;
}

export type SortKeys = Readonly<Record<string, SortKey>>;

/**
 * Above this many rows (the table's highest rowid, free to read) a list offers only the sorts an
 * index serves: any other sorts every matching row again for each page read (see the report in
 * BENCHMARKS/README: ~0.4 s a page at 1M tasks, ~20 ms at 50k).
 */
export const CHEAP_SORT_ROWS = 50_000;

/** The sorts offered now: all of them on a small table, the indexed ones on a big one. */
export function offeredSorts(keys: SortKeys, rows: number): string[] {
  return Object.entries(keys)
    .filter(([, k]) => rows <= CHEAP_SORT_ROWS || k.indexed === true)
    .map(([id]) => id);
}

/** The highest rowid of a table (0 when empty or missing): a free estimate of its size. */
export function tableRows(db: DB, table: string, exists: boolean): number {
  if (!exists) return 0;
  const r = db.$client.prepare(`SELECT max(rowid) AS m FROM "${table}"`).get() as { m: number | null } | undefined;
  return r?.m ?? 0;
}

/** The sort in force: the one asked for when offered (in its first direction unless one is asked), else the list's default. */
export function sortInForce(keys: SortKeys, asked: SortAsk | undefined, offered: readonly string[], fallback: ListSort): ListSort {
  if (!asked || !offered.includes(asked.by)) return fallback;
  return { by: asked.by, direction: asked.direction ?? keys[asked.by]!.first };
}

/** The keyset order of a sort. */
export function sortOrder(keys: SortKeys, sort: ListSort, id: SQLiteColumn): () => KeysetOrder {
  const k = keys[sort.by]!.key;
  return () => ({ key: typeof k === 'function' ? k() : k, id, direction: sort.direction });
}

/** A text cell as a sort key: NULL as '' (first ascending). */
export const textKey = (v: SQLiteColumn | SQL): SQL => sql`coalesce(${v}, '')`;

/** A number cell as a sort key: NULL as the smallest. */
export const numberKey = (v: SQLiteColumn | SQL): SQL => sql`coalesce(${v}, -1e308)`;

/**
 * A time text column as an instant sort key (any form another writer left, db/time.ts); NULL
 * and unreadable values as `nullsAs` ('' sorts them oldest, '~' after every time).
 */
export const timeKey = (qualified: string, nullsAs: '' | '~' = ''): SQL => sql.raw(`coalesce(${canonicalTimeSql(qualified)}, '${nullsAs}')`);
