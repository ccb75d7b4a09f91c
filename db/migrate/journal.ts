import { readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { migrationsFolder } from '../package-root.js';

/** drizzle's migrator keeps its journal here; we write it the same way so `drizzle-kit migrate` agrees. */
export const JOURNAL_TABLE = '__drizzle_migrations';

/** One committed migration: its tag, statements, sha256 of the SQL file and `when` from meta/_journal.json. */
export interface CommittedMigration extends MigrationMeta {
  readonly tag: string;
}

let cached: CommittedMigration[] | undefined;

export function committedMigrations(): readonly CommittedMigration[] {
  if (cached) return cached;
  const folder = migrationsFolder();
  const metas = readMigrationFiles({ migrationsFolder: folder });
  const journal = readJournalTags(folder);
  cached = metas.map((m, i) => ({ ...m, tag: journal[i] ?? `migration ${i}` }));
  return cached;
}

function readJournalTags(folder: string): string[] {
  // readMigrationFiles drops the tags; the journal lists them in the same order
  const raw = JSON.parse(readFileSync(`${folder}/meta/_journal.json`, 'utf8')) as { entries: { tag: string }[] };
  return raw.entries.map((e) => e.tag);
}

export interface JournalState {
  readonly exists: boolean;
  /** created_at of the newest recorded migration (drizzle compares `when` against it) */
  readonly lastAppliedAt: number | null;
  readonly recorded: number;
}

export function readJournal(sqlite: Database.Database): JournalState {
  const exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(JOURNAL_TABLE) !== undefined;
  if (!exists) return { exists, lastAppliedAt: null, recorded: 0 };
  const row = sqlite
    .prepare(`SELECT count(*) AS n, max(CAST(created_at AS REAL)) AS last FROM "${JOURNAL_TABLE}"`)
    .get() as { n: number; last: number | null };
  return { exists, lastAppliedAt: row.last, recorded: row.n };
}

/** The committed migrations this file has not recorded, by drizzle's own rule (newer `when`). */
export function pendingMigrations(state: JournalState): CommittedMigration[] {
  return committedMigrations().filter((m) => state.lastAppliedAt === null || state.lastAppliedAt < m.folderMillis);
}

/** The journal table exactly as drizzle's SQLite migrator creates it. */
export function createJournalTable(sqlite: Database.Database): void {
  sqlite.exec(`CREATE TABLE IF NOT EXISTS "${JOURNAL_TABLE}" (
				id SERIAL PRIMARY KEY,
				hash text NOT NULL,
				created_at numeric
			)`);
}

export function recordMigration(sqlite: Database.Database, m: CommittedMigration): void {
  sqlite.prepare(`INSERT INTO "${JOURNAL_TABLE}" ("hash", "created_at") VALUES (?, ?)`).run(m.hash, m.folderMillis);
}
