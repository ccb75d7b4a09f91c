import type Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema/index.js';
import { openSqliteFile, type OpenOptions, type SqliteFile } from './open-file.js';
import { registerFold } from './search/fold.js';

export { DEFAULT_DATABASE_PATH, BUSY_TIMEOUT_MS, resolveDatabasePath, applyPragmas, openSqliteFile, type OpenOptions, type SqliteFile } from './open-file.js';

export type Schema = typeof schema;
/** The database handle every repository takes (spec: "Database connection type DB"). */
export type DB = BetterSQLite3Database<Schema> & { $client: Database.Database };

export interface Connection extends SqliteFile {
  readonly db: DB;
}

/** Opens the file (see openSqliteFile: checks, pragmas, read-only) and wraps it for drizzle. */
export function openDatabase(opts: OpenOptions = {}): Connection {
  const file = openSqliteFile(opts);
  return { ...file, db: wrapDatabase(file.sqlite) };
}

/** Wraps an existing better-sqlite3 handle (tests, tools) as a DB; list filters fold case with bematic_fold (db/search/fold.ts). */
export function wrapDatabase(sqlite: Database.Database): DB {
  registerFold(sqlite);
  return drizzle(sqlite, { schema }) as DB;
}

/** One short write transaction, begun IMMEDIATE so it waits for the lock up front instead of failing midway. */
export function writeTransaction<T>(db: DB, fn: () => T): T {
  const client = db.$client;
  if (client.inTransaction) return client.transaction(fn)();
  return client.transaction(fn).immediate();
}
