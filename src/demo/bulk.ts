import type Database from 'better-sqlite3';

export type SqlValue = string | number | null;
/** a row keyed by the table's column names, so a missing or misspelt column fails to compile */
export type Row<C extends readonly string[]> = Record<C[number], SqlValue>;

/** reports rows written for one table; called often, the command decides what to print */
export type Progress = (done: number, total: number, what: string) => void;

/** A prepared INSERT naming every column (COMPAT.md: never rely on column order). */
export function prepareInsert<C extends readonly string[]>(sqlite: Database.Database, table: string, columns: C): (row: Row<C>) => void {
  const names = columns.map((c) => `"${c}"`).join(', ');
  const params = columns.map((c) => `@${c}`).join(', ');
  const stmt = sqlite.prepare(`INSERT INTO "${table}" (${names}) VALUES (${params})`);
  return (row) => {
    stmt.run(row);
  };
}

const BATCH_ROWS = 50_000;

/**
 * Calls `each(i)` for i in [0, total) inside transactions of BATCH_ROWS, reporting progress
 * about 200 times: one transaction per row would cost a sync each, one for all would hold
 * every dirty page of a million rows.
 */
export function inBatches(sqlite: Database.Database, total: number, what: string, progress: Progress, each: (i: number) => void): void {
  const step = Math.max(1, Math.floor(total / 200));
  for (let from = 0; from < total; from += BATCH_ROWS) {
    const to = Math.min(total, from + BATCH_ROWS);
    sqlite.exec('BEGIN');
    try {
      for (let i = from; i < to; i++) {
        each(i);
        if ((i + 1) % step === 0 && i + 1 < total) progress(i + 1, total, what);
      }
      sqlite.exec('COMMIT');
    } catch (e) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw e;
    }
  }
  progress(total, total, what);
}

/**
 * Runs `fill` with the tables' secondary indexes dropped, then builds them again: SQLite
 * sorts once to build an index, far faster than keeping it up to date row by row.
 */
export function withoutIndexes(sqlite: Database.Database, tables: readonly string[], fill: () => void, progress: Progress = () => {}): void {
  const indexes = sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')})`).all(...tables) as {
    name: string;
    sql: string;
  }[];
  for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`);
  fill();
  // each a sort of the whole table (a minute or so at scale 30): said one by one
  const what = `indexes on ${tables.join(' and ')}`;
  indexes.forEach((index, i) => {
    progress(i, indexes.length, what);
    sqlite.exec(index.sql);
  });
  if (indexes.length > 0) progress(indexes.length, indexes.length, what);
}
