import type { SQL } from 'drizzle-orm';
import type { DB } from '../connection.js';
import type { ShapedTable, TableKey } from '../tables.js';
import { rowCounter } from './counter.js';
import { inListOrder, keysetClauses, type KeysetClauses, type KeysetCursor, type KeysetOrder, type ListSource } from './keyset.js';

export interface KeysetSourceSpec<T> {
  readonly db: DB;
  readonly table: ShapedTable<TableKey>;
  readonly order: KeysetOrder;
  readonly where?: SQL;
  /** one page of rows in the clauses' order: `.where(k.where).orderBy(...k.orderBy).limit(limit)` */
  readonly read: (k: KeysetClauses, limit: number) => T[];
  readonly cursorOf: (row: T) => KeysetCursor;
  readonly unfiltered: boolean;
}

/** What every keyset list shares: a missing table reads empty, pages come back in list order, rows counted in slices. */
export function keysetSource<T extends { readonly id: string | number }>(s: KeysetSourceSpec<T>): ListSource<T> {
  const t = s.table;
  return {
    page(req, limit) {
      if (!t.exists) return [];
      const k = keysetClauses(s.order, req, s.where);
      return inListOrder(s.read(k, limit), k);
    },
    cursorOf: s.cursorOf,
    idOf: (r) => r.id,
    counter: rowCounter(s.db, t.exists ? t.table : null, t.name, s.where),
    unfiltered: s.unfiltered,
  };
}
