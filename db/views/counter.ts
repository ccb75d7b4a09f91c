import { and, sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { DB } from '../connection.js';
import type { RowCounter } from './keyset.js';

/** Counts a table's matching rows slice by slice of rowid; a missing table counts nothing. */
export function rowCounter(db: DB, table: SQLiteTable | null, tableName: string, filter?: SQL): RowCounter {
  const rowid = sql.raw(`"${tableName}"."rowid"`);
  return {
    maxRowid() {
      if (!table) return 0;
      return (
        db
          .select({ m: sql<number | null>`max(${rowid})` })
          .from(table)
          .get()?.m ?? 0
      );
    },
    countRange(lo, hi) {
      if (!table) return 0;
      const where = and(sql`${rowid} BETWEEN ${lo} AND ${hi}`, filter);
      return (
        db
          .select({ n: sql<number>`count(*)` })
          .from(table)
          .where(where)
          .get()?.n ?? 0
      );
    },
  };
}
