import type Database from 'better-sqlite3';

/** Below this many rows an exact count(*) is cheap enough to run while the service writes. */
export const EXACT_COUNT_LIMIT = 100_000;

export interface RowEstimate {
  readonly rows: number;
  /** false when it is max(rowid): deleted rows make it an upper bound */
  readonly exact: boolean;
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * How many rows a table holds, without scanning a big one: max(rowid) is one B-tree descent,
 * count(*) only runs when that says the table is small.
 */
export function estimateRows(sqlite: Database.Database, table: string): RowEstimate {
  let upper: number;
  try {
    upper = Number(
      sqlite
        .prepare(`SELECT coalesce(max(rowid), 0) FROM ${quote(table)}`)
        .pluck()
        .get(),
    );
  } catch {
    // WITHOUT ROWID tables have no rowid; none of ours are, but an unmanaged one may be
    return {
      rows: Number(
        sqlite
          .prepare(`SELECT count(*) FROM ${quote(table)}`)
          .pluck()
          .get(),
      ),
      exact: true,
    };
  }
  if (upper > EXACT_COUNT_LIMIT) return { rows: upper, exact: false };
  return {
    rows: Number(
      sqlite
        .prepare(`SELECT count(*) FROM ${quote(table)}`)
        .pluck()
        .get(),
    ),
    exact: true,
  };
}

/** Measured here: one B-tree index over a million rows takes about 1.3 s; keep some margin. */
const INDEX_SECONDS_PER_ROW = 1.5e-6;

/** Seconds the write lock is held while building one index over `rows` rows. */
export const indexBuildSeconds = (rows: number): number => rows * INDEX_SECONDS_PER_ROW;

/** "1.2M", "48k", "950" */
export function formatCount(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)}M`;
  if (n >= 1e4) return `${Math.round(n / 1e3)}k`;
  return String(n);
}

/** "~1.2M rows", "1 row": an estimate says it is one. */
export const describeRows = (r: RowEstimate): string => `${r.exact ? '' : '~'}${formatCount(r.rows)} ${r.rows === 1 && r.exact ? 'row' : 'rows'}`;
