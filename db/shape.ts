import type Database from 'better-sqlite3';

/** What the opened file actually holds: tables, their columns, indexes (COMPAT.md: every age differs). */
export interface DatabaseShape {
  /** table name -> column names, as PRAGMA table_info reports them */
  readonly tables: ReadonlyMap<string, ReadonlySet<string>>;
  readonly indexes: ReadonlySet<string>;
  readonly triggers: ReadonlySet<string>;
  /** PRAGMA schema_version when read: it changes whenever any DDL runs */
  readonly schemaVersion: number;
}

export function hasTable(shape: DatabaseShape, table: string): boolean {
  return shape.tables.has(table);
}

export function hasColumn(shape: DatabaseShape, table: string, column: string): boolean {
  return shape.tables.get(table)?.has(column) ?? false;
}

export function readSchemaVersion(sqlite: Database.Database): number {
  return sqlite.pragma('schema_version', { simple: true }) as number;
}

export function readShape(sqlite: Database.Database): DatabaseShape {
  const schemaVersion = readSchemaVersion(sqlite);
  const objects = sqlite.prepare("SELECT type, name FROM sqlite_master WHERE type IN ('table','index','trigger') AND name NOT LIKE 'sqlite_%'").all() as { type: string; name: string }[];
  const tables = new Map<string, Set<string>>();
  const indexes = new Set<string>();
  const triggers = new Set<string>();
  const columnsOf = sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck();
  for (const o of objects) {
    if (o.type === 'table') tables.set(o.name, new Set(columnsOf.all(o.name) as string[]));
    else if (o.type === 'index') indexes.add(o.name);
    else triggers.add(o.name);
  }
  return { tables, indexes, triggers, schemaVersion };
}
