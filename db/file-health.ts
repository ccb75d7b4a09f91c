import type Database from 'better-sqlite3';
import { describeSqliteError, isCorruptionError } from './errors.js';

const quoteId = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * A cheap look at the file before the console draws anything: the schema, then the first and
 * last row of every table and the first entry of every index (a few pages each, whatever the
 * size). It finds most corruptions without reading the whole file as PRAGMA quick_check would
 * (minutes on 2 GB). Throws the one-sentence error of a corrupt or non-SQLite file; other
 * errors (a partial index the probe cannot use, a table without rowid) are not its business.
 */
export function assertFileReadable(sqlite: Database.Database, path: string): void {
  const probe = (sql: string): void => {
    try {
      sqlite.prepare(sql).get();
    } catch (e) {
      if (isCorruptionError(e)) throw describeSqliteError(e, path) ?? e;
    }
  };
  let objects: { type: string; name: string; tbl_name: string }[];
  try {
    objects = sqlite.prepare("SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").all() as typeof objects;
  } catch (e) {
    throw describeSqliteError(e, path) ?? e;
  }
  for (const o of objects) {
    if (o.type === 'table') {
      probe(`SELECT * FROM ${quoteId(o.name)} LIMIT 1`);
      probe(`SELECT * FROM ${quoteId(o.name)} ORDER BY rowid DESC LIMIT 1`);
    } else if (o.type === 'index') {
      probe(`SELECT 1 FROM ${quoteId(o.tbl_name)} INDEXED BY ${quoteId(o.name)} LIMIT 1`);
    }
  }
}

type Method = 'run' | 'get' | 'all' | 'iterate';

/**
 * Calls `onCorrupt` (once) when any statement on this connection meets a corrupt page or a
 * non-SQLite file, then lets the error go on as before. The console uses it to leave at once
 * with one sentence: a corrupt file is no state to keep browsing in, whichever hook read it.
 */
export function watchCorruption(sqlite: Database.Database, onCorrupt: (err: unknown) => void): void {
  let told = false;
  const tell = (e: unknown): void => {
    if (isCorruptionError(e) && !told) {
      told = true;
      onCorrupt(e);
    }
  };
  const guard = <A extends unknown[], R>(fn: (...args: A) => R) =>
    function (this: unknown, ...args: A): R {
      try {
        return fn.apply(this, args);
      } catch (e) {
        tell(e);
        throw e;
      }
    };
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    const stmt = prepare(source);
    const methods = stmt as unknown as Record<Method, (...args: unknown[]) => unknown>;
    for (const m of ['run', 'get', 'all'] as const) methods[m] = guard(methods[m]);
    const iterate = methods.iterate;
    // rows of an iterator are read as it goes: the error comes from next(), not from iterate()
    methods.iterate = function* (this: unknown, ...args: unknown[]) {
      try {
        yield* iterate.apply(this, args) as Iterable<unknown>;
      } catch (e) {
        tell(e);
        throw e;
      }
    };
    return stmt;
  }) as typeof sqlite.prepare;
  sqlite.exec = guard(sqlite.exec.bind(sqlite)) as typeof sqlite.exec;
  sqlite.pragma = guard(sqlite.pragma.bind(sqlite)) as typeof sqlite.pragma;
}
