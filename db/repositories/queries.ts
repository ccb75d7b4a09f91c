import type { SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { DB } from '../connection.js';
import { withDefaults, assertWritable, type ShapedTable, type TableKey } from '../tables.js';
import { found } from './rows.js';
import { conflictsAsErrors, refuseUnknownFields } from './fields.js';

/** A row of table K with every schema field present (absent columns filled with defaults). */
export type RowOf<K extends TableKey> = ReturnType<typeof withDefaults<K>>;

// The shaped table is typed as the full table; at run time it names only the file's columns.
const plain = <K extends TableKey>(t: ShapedTable<K>): SQLiteTable => t.table as unknown as SQLiteTable;

/** The first matching row, or undefined (also when the file lacks the table). */
export function selectFirst<K extends TableKey>(db: DB, t: ShapedTable<K>, where: SQL | undefined): RowOf<K> | undefined {
  if (!t.exists) return undefined;
  const row = db.select().from(plain(t)).where(where).get();
  return row === undefined ? undefined : withDefaults(t, row);
}

export interface ListOptions {
  orderBy: SQL[];
  limit?: number;
}

/** Matching rows in order; none when the file lacks the table. */
export function selectMany<K extends TableKey>(db: DB, t: ShapedTable<K>, where: SQL | undefined, opts: ListOptions): RowOf<K>[] {
  if (!t.exists) return [];
  const q = db
    .select()
    .from(plain(t))
    .where(where)
    .orderBy(...opts.orderBy);
  const rows = opts.limit === undefined ? q.all() : q.limit(opts.limit).all();
  return rows.map((r) => withDefaults(t, r));
}

/**
 * Inserts after checking every property is a column (ValidationError) and the file can hold every
 * value (SchemaMismatchError); a duplicate unique value is a ConflictError. Returns the stored row.
 */
export function insertRow<K extends TableKey>(db: DB, t: ShapedTable<K>, values: object): RowOf<K> {
  refuseUnknownFields(t, values);
  assertWritable(t, values);
  return withDefaults(
    t,
    conflictsAsErrors(t.name, () =>
      db
        .insert(plain(t))
        .values(values as never)
        .returning()
        .get(),
    ),
  );
}

/** Updates the one row `where` names (checked as insertRow checks); NotFoundError (resource, id) when none matched. */
export function updateOne<K extends TableKey>(db: DB, t: ShapedTable<K>, set: object, where: SQL, resource: string, id: string | number): RowOf<K> {
  refuseUnknownFields(t, set);
  assertWritable(t, set);
  const row = conflictsAsErrors(t.name, () =>
    db
      .update(plain(t))
      .set(set as never)
      .where(where)
      .returning()
      .get(),
  );
  return withDefaults(t, found(row, resource, id));
}

/** Deletes what `where` names; NotFoundError when nothing matched. */
export function deleteSome<K extends TableKey>(db: DB, t: ShapedTable<K>, where: SQL, resource: string, id: string | number): number {
  assertWritable(t);
  const changes = db.delete(plain(t)).where(where).run().changes;
  if (changes === 0) found(undefined, resource, id);
  return changes;
}
