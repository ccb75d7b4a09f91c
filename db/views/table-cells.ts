import { getTableColumns } from 'drizzle-orm';
import type { DB } from '../connection.js';
import { shapedTables, withDefaults, type ShapedTable, type TableKey } from '../tables.js';
import { bool, number, numberOrNull, text, textOrNull, time, timeOrNull } from '../cells.js';

/** The text columns that hold times (ISO text everywhere but api_keys, whose times are seconds). */
export const isTimeColumn = (name: string): boolean => /_at$|^timestamp$|^scheduled_for$/.test(name);

type Reader = (v: unknown) => unknown;

interface ColumnMeta {
  name: string;
  columnType: string;
  notNull: boolean;
}

function readerOf(c: ColumnMeta): Reader | undefined {
  switch (c.columnType) {
    case 'SQLiteBoolean':
      return bool;
    case 'SQLiteTimestamp':
      return undefined; // api_keys: read through db/views/api-keys.ts as seconds
    case 'SQLiteInteger':
    case 'SQLiteReal':
    case 'SQLiteNumeric':
      return c.notNull ? number : numberOrNull;
    default:
      if (isTimeColumn(c.name)) return c.notNull ? time : timeOrNull;
      return c.notNull ? text : textOrNull;
  }
}

const readersCache = new WeakMap<object, Map<string, Reader>>();

function readersOf(table: object): Map<string, Reader> {
  let r = readersCache.get(table);
  if (!r) {
    r = new Map();
    for (const [prop, col] of Object.entries(getTableColumns(table as never) as Record<string, ColumnMeta>)) {
      const read = readerOf(col);
      if (read) r.set(prop, read);
    }
    readersCache.set(table, r);
  }
  return r;
}

/**
 * A whole row of a managed table, as drizzle's select() returns it, made to its declared types
 * (db/cells.ts): the boundary for rows the repositories hand to the read models.
 */
export function cleanTableRow<K extends TableKey, R extends object>(t: ShapedTable<K>, row: R): R {
  const full = withDefaults(t, row) as Record<string, unknown>;
  const out: Record<string, unknown> = { ...full };
  for (const [prop, read] of readersOf(t.table)) if (prop in out) out[prop] = read(out[prop]);
  return out as R;
}

/** cleanTableRow by table key, for a repository's row (undefined stays undefined). */
export function cleanRowOf<K extends TableKey, R extends object>(db: DB, key: K, row: R | undefined): R | undefined {
  return row === undefined ? undefined : cleanTableRow(shapedTables(db.$client)[key], row);
}
