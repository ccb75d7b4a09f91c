import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { migrationsFolder } from '../package-root.js';

/** The DDL statements of every committed drizzle-kit migration, in order. */
export function migrationStatements(): string[] {
  const dir = migrationsFolder();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('--> statement-breakpoint'))
    .map((s) => s.trim())
    .filter(Boolean);
}

const CREATE = /^CREATE\s+(TABLE|(?:UNIQUE\s+)?INDEX)\s+(?!IF\s+NOT\s+EXISTS\b)/i;
const DROP = /^DROP\s+(TABLE|INDEX)\s+(?!IF\s+EXISTS\b)/i;
const CREATE_INDEX_NAME = /^CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:IF\s+NOT\s+EXISTS\s+)?[`"]?([^`"\s]+)/i;
const DROP_INDEX_NAME = /^DROP\s+INDEX\s+(?:IF\s+EXISTS\s+)?[`"]?([^`"\s;]+)/i;

/** drizzle-kit writes bare CREATE and DROP: pushSchema runs them IF [NOT] EXISTS. */
export function ifNotExists(statement: string): string {
  return statement.replace(CREATE, (_m, what: string) => `CREATE ${what} IF NOT EXISTS `).replace(DROP, (_m, what: string) => `DROP ${what} IF EXISTS `);
}

/**
 * The committed migrations as statements that can run any number of times: an index a later
 * migration drops (a rename) is not created first, and each CREATE/DROP is IF [NOT] EXISTS.
 */
export function pushStatements(): string[] {
  const statements = migrationStatements();
  const dropped = new Set(statements.flatMap((s) => DROP_INDEX_NAME.exec(s)?.[1] ?? []));
  return statements
    .filter((s, i) => {
      const created = CREATE_INDEX_NAME.exec(s)?.[1];
      // created here and dropped by a later statement: the net effect is no such index
      return created === undefined || !dropped.has(created) || !statements.slice(i + 1).some((l) => DROP_INDEX_NAME.exec(l)?.[1] === created);
    })
    .map(ifNotExists);
}

/**
 * Development and tests (spec: "pushSchema() in migrate.ts"): creates the full schema with raw
 * SQL DDL, every statement IF [NOT] EXISTS, so calling it again (or on a file it already made)
 * changes nothing, as the service's own boot DDL does. Real files of any age go through
 * `migrate` (`bematic-console migrate`, `npm run db:migrate`, or `migrate()` from
 * bematic-console/db), which also adds missing columns and records the journal.
 */
export function pushSchema(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    for (const stmt of pushStatements()) sqlite.exec(stmt);
  })();
}
