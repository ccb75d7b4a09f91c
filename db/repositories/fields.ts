import { getTableColumns } from 'drizzle-orm';
import { ConflictError, ValidationError } from '../errors.js';
import type { ShapedTable, TableKey } from '../tables.js';

// What the repositories check before a write, so a caller written for the service's @bematic/db
// gets either its values stored or a ValidationError naming what was not understood; never a
// silent drop (drizzle ignores properties that are not columns).

/** Refuses option names the method does not know (TypeScript refuses them too; this is for JavaScript callers). */
export function refuseUnknownOptions(method: string, options: object | undefined, allowed: readonly string[]): void {
  if (options === undefined || options === null) return;
  const unknown = Object.keys(options).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) {
    throw new ValidationError(`${method}: unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}; it takes ${allowed.join(', ')}`);
  }
}

/** Every field of the table's schema (the columns this file has and the ones it lacks). */
function schemaFields<K extends TableKey>(t: ShapedTable<K>): string[] {
  return [...Object.keys(getTableColumns(t.table)), ...t.missing];
}

/** Refuses a property that is no column of the table: it would otherwise be dropped without a word. */
export function refuseUnknownFields<K extends TableKey>(t: ShapedTable<K>, values: object): void {
  const fields = schemaFields(t);
  const unknown = Object.keys(values).filter((k) => !fields.includes(k));
  if (unknown.length > 0) {
    throw new ValidationError(`${t.name} has no field ${unknown.map((k) => `"${k}"`).join(', ')}; nothing was written`);
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A time a caller supplies for a TEXT time column: kept only in the one form the service compares (toISOString). */
export function givenIso(value: string | undefined | null, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !ISO.test(value) || Number.isNaN(Date.parse(value))) {
    throw new ValidationError(`${field} must be an ISO-8601 time as new Date().toISOString() writes it (2026-01-31T12:00:00.000Z), not ${JSON.stringify(value)}`);
  }
  return value;
}

interface SqliteLikeError {
  code?: string;
  message?: string;
}

/** Runs a write; a UNIQUE or PRIMARY KEY violation becomes the layer's ConflictError naming the column. */
export function conflictsAsErrors<T>(table: string, write: () => T): T {
  try {
    return write();
  } catch (e) {
    const err = e as SqliteLikeError;
    if (err?.code !== 'SQLITE_CONSTRAINT_UNIQUE' && err?.code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw e;
    const columns = /constraint failed: (.*)$/.exec(err.message ?? '')?.[1] ?? table;
    throw new ConflictError(
      `${table}: another row already has this ${columns
        .split(', ')
        .map((c) => c.replace(/^[^.]*\./, ''))
        .join(' and ')} (${columns} is unique); nothing was written`,
      { cause: e },
    );
  }
}
