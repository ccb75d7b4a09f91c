import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { FOLD_FUNCTION, foldCase } from './fold.js';

/**
 * The drizzle form of predicates.ts' `folded`: `column`'s Unicode case fold (fold.ts) contains,
 * starts with or equals `text`'s. lower() first, so an ASCII value (nearly every row) is
 * compared in C, and only a value holding other characters goes through the registered
 * FOLD_FUNCTION (registerFold must have run on the connection: wrapDatabase does it).
 * `%`, `_`, `\` and quotes are literal: no LIKE pattern is involved.
 */
export function foldedMatch(column: SQLiteColumn | SQL, compare: 'contains' | 'starts' | 'equals', text: string): SQL {
  const q = foldCase(text);
  const test = (expr: SQL): SQL => (compare === 'contains' ? sql`instr(${expr}, ${q}) > 0` : compare === 'starts' ? sql`instr(${expr}, ${q}) = 1` : sql`${expr} = ${q}`);
  return sql`(${test(sql`lower(${column})`)} OR (length(${column}) < octet_length(${column}) AND ${test(sql`${sql.raw(FOLD_FUNCTION)}(${column})`)}))`;
}
