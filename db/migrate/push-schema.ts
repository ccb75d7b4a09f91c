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

/**
 * Development and tests (spec: "pushSchema() in migrate.ts"): creates the full schema on an
 * empty database with raw SQL DDL. Real files go through `bematic-console migrate`.
 */
export function pushSchema(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    for (const stmt of migrationStatements()) sqlite.exec(stmt);
  })();
}
