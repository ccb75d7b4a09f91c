import type Database from 'better-sqlite3';

/** An index as SQLite describes it: what it covers matters, not its name. */
export interface IndexDef {
  readonly name: string;
  readonly table: string;
  readonly columns: readonly string[];
  readonly unique: boolean;
  /** c = CREATE INDEX, u = UNIQUE constraint, pk = PRIMARY KEY */
  readonly origin: string;
  /** the CREATE INDEX statement; null for automatic indexes */
  readonly sql: string | null;
}

interface IndexListRow {
  name: string;
  unique: number;
  origin: string;
  partial: number;
}

/** Every index of every listed table, automatic ones (UNIQUE, PRIMARY KEY) included. */
export function readIndexDefs(sqlite: Database.Database, tables: Iterable<string>): IndexDef[] {
  const list = sqlite.prepare('SELECT name, "unique", origin, partial FROM pragma_index_list(?)');
  const info = sqlite.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').pluck();
  const sqlOf = sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").pluck();
  const out: IndexDef[] = [];
  for (const table of tables) {
    for (const ix of list.all(table) as IndexListRow[]) {
      if (ix.partial) continue; // a partial index does not serve every query its columns suggest
      out.push({
        name: ix.name,
        table,
        columns: info.all(ix.name) as string[],
        unique: ix.unique === 1,
        origin: ix.origin,
        sql: (sqlOf.get(ix.name) as string | null | undefined) ?? null,
      });
    }
  }
  return out;
}

/**
 * Whether `have` does the work of `wanted`: same table and columns in order; a wanted UNIQUE
 * needs a unique one. The service's inline UNIQUE (sqlite_autoindex_*) thus counts as present.
 */
export function satisfies(have: IndexDef, wanted: IndexDef): boolean {
  if (have.table !== wanted.table || (wanted.unique && !have.unique)) return false;
  if (have.columns.length !== wanted.columns.length) return false;
  return have.columns.every((c, i) => c === wanted.columns[i]);
}
