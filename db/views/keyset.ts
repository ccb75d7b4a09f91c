import { and, asc, desc, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { foldedMatch } from '../search/folded-sql.js';
import type { ListSort } from './sort.js';

/** Where a row sits in a list order: its sort key and its id (the tie-breaker). */
export interface KeysetCursor {
  readonly key: string | number;
  readonly id: string | number;
}

/**
 * Which page to read. `after`/`before` are exclusive and relative to the list order;
 * `from` is inclusive (reload in place); `last` reads the end through the reversed order, never OFFSET.
 */
export type PageRequest =
  | { readonly kind: 'first' }
  | { readonly kind: 'last' }
  | { readonly kind: 'after'; readonly cursor: KeysetCursor }
  | { readonly kind: 'before'; readonly cursor: KeysetCursor }
  | { readonly kind: 'from'; readonly cursor: KeysetCursor };

/** The list order: (key, id) descending (newest first) or ascending (by name). */
export interface KeysetOrder {
  readonly key: SQLiteColumn | SQL;
  readonly id: SQLiteColumn;
  readonly direction: 'asc' | 'desc';
}

export interface KeysetClauses {
  readonly where: SQL | undefined;
  readonly orderBy: SQL[];
  /** the rows come back in reverse list order: reverse them after reading */
  readonly reversed: boolean;
}

type Cmp = '<' | '>' | '<=' | '>=';

/** Row-value comparison: SQLite seeks an index on (key, id) with it. */
const compare = (o: KeysetOrder, op: Cmp, c: KeysetCursor): SQL => sql`(${o.key}, ${o.id}) ${sql.raw(op)} (${c.key}, ${c.id})`;

/** The WHERE and ORDER BY of one keyset page; `filter` is ANDed in. */
export function keysetClauses(o: KeysetOrder, req: PageRequest, filter?: SQL): KeysetClauses {
  const down = o.direction === 'desc';
  const forward = [down ? desc(o.key) : asc(o.key), down ? desc(o.id) : asc(o.id)];
  const backward = [down ? asc(o.key) : desc(o.key), down ? asc(o.id) : desc(o.id)];
  switch (req.kind) {
    case 'first':
      return { where: filter, orderBy: forward, reversed: false };
    case 'last':
      return { where: filter, orderBy: backward, reversed: true };
    case 'after':
      return { where: and(filter, compare(o, down ? '<' : '>', req.cursor)), orderBy: forward, reversed: false };
    case 'from':
      return { where: and(filter, compare(o, down ? '<=' : '>=', req.cursor)), orderBy: forward, reversed: false };
    case 'before':
      return { where: and(filter, compare(o, down ? '>' : '<', req.cursor)), orderBy: backward, reversed: true };
  }
}

/** Puts rows read through the reversed order back into list order. */
export const inListOrder = <T>(rows: T[], c: KeysetClauses): T[] => (c.reversed ? rows.reverse() : rows);

/** `column` contains `text` literally (`%`, `_` too), in any case for all of Unicode (db/search/fold.ts: `ωmega` finds `Ωmega`). */
export const contains = (column: SQLiteColumn | SQL, text: string): SQL => foldedMatch(column, 'contains', text);

/** `column` starts with `text` literally, in any case for all of Unicode. */
export const startsWith = (column: SQLiteColumn | SQL, text: string): SQL => foldedMatch(column, 'starts', text);

/** The ids of the projects whose name contains `text` (as `contains`): for the project filters of tasks and schedules. */
export const projectIdsNamed = (text: string): SQL => sql`SELECT "id" FROM "projects" WHERE ${contains(sql.raw('"projects"."name"'), text)}`;

/** How many rows match, counted in rowid slices so the console stays responsive between slices. */
export interface RowCounter {
  /** the highest rowid now: the end of the last slice, and a free estimate of an unfiltered total */
  maxRowid(): number;
  /** matching rows with lo <= rowid <= hi */
  countRange(lo: number, hi: number): number;
}

/** What a list screen needs from a read model: pages in both directions, cursors and a counter. */
export interface ListSource<T> {
  page(req: PageRequest, limit: number): T[];
  cursorOf(row: T): KeysetCursor;
  idOf(row: T): string | number;
  readonly counter: RowCounter;
  /** no filter: maxRowid is a fair estimate of the total */
  readonly unfiltered: boolean;
  /** the sort ids this list offers now (db/views/sort.ts); none: one fixed order */
  readonly sorts?: readonly string[];
  /** the sort in force */
  readonly sort?: ListSort;
}
