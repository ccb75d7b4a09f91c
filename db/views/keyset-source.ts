import type { SQL } from 'drizzle-orm';
import type { DB } from '../connection.js';
import type { ShapedTable, TableKey } from '../tables.js';
import { rowCounter } from './counter.js';
import type { ListSort } from './sort.js';
import { inListOrder, keysetClauses, type KeysetClauses, type KeysetCursor, type KeysetOrder, type ListSource } from './keyset.js';

/** A row read for a page: what the screen shows (cells made to their types) and where it sits, as stored. */
export interface Keyed<T> {
  readonly item: T;
  readonly cursor: KeysetCursor;
}

export interface KeysetSourceSpec<T> {
  readonly db: DB;
  readonly table: ShapedTable<TableKey>;
  /** the list order, asked before each page: it may change while open (db/views/time-order.ts) */
  readonly order: KeysetOrder | (() => KeysetOrder);
  readonly where?: SQL;
  /**
   * One page of rows in the clauses' order: `.where(k.where).orderBy(...k.orderBy).limit(limit)`,
   * each with its cursor as stored (the raw sort key and id: a cleaned value would seek elsewhere).
   */
  readonly read: (k: KeysetClauses, limit: number, order: KeysetOrder) => Keyed<T>[];
  readonly unfiltered: boolean;
  readonly sorts?: readonly string[];
  readonly sort?: ListSort;
}

/** Each row's cursor as stored, by the row object handed out (any source's: a screen may keep rows across a rebuilt source). */
const cursors = new WeakMap<object, KeysetCursor>();

/** What every keyset list shares: a missing table reads empty, pages come back in list order, rows counted in slices. */
export function keysetSource<T extends { readonly id: string | number }>(s: KeysetSourceSpec<T>): ListSource<T> {
  const t = s.table;
  const orderNow = typeof s.order === 'function' ? s.order : () => s.order as KeysetOrder;
  return {
    page(req, limit) {
      if (!t.exists) return [];
      const order = orderNow();
      const k = keysetClauses(order, req, s.where);
      return inListOrder(s.read(k, limit, order), k).map(({ item, cursor }) => {
        cursors.set(item, cursor);
        return item;
      });
    },
    cursorOf: (row) => cursors.get(row) ?? { key: '', id: row.id },
    idOf: (r) => r.id,
    counter: rowCounter(s.db, t.exists ? t.table : null, t.name, s.where),
    unfiltered: s.unfiltered,
    ...(s.sort ? { sort: s.sort, sorts: s.sorts ?? [] } : {}),
  };
}
