import { readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { migrationsFolder } from '../package-root.js';

/**
 * The console's own migration journal, in drizzle's shape (drizzle.config.ts names it, so
 * `drizzle-kit migrate` agrees). Never `__drizzle_migrations`: that one belongs to the service's
 * drizzle folder, and drizzle's migrate() skips every migration older than its newest row.
 */
export const JOURNAL_TABLE = '__bematic_console_migrations';

/** The service's drizzle journal: read (doctor), and cleared only of rows an older console wrote. */
export const SERVICE_JOURNAL_TABLE = '__drizzle_migrations';

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

const tableExists = (sqlite: Database.Database, name: string): boolean => sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export interface JournalState {
  /** our own journal table exists, or an older console's rows sit in the service's (repaired by migrate) */
  readonly exists: boolean;
  /** created_at of the newest recorded migration (drizzle compares `when` against it) */
  readonly lastAppliedAt: number | null;
  readonly recorded: number;
  /** committed migrations an older console recorded in __drizzle_migrations, not yet moved */
  readonly misplaced: readonly CommittedMigration[];
}

/** Our journal, counting the rows an older console left in the service's journal as ours. */
export function readJournal(sqlite: Database.Database): JournalState {
  const own = tableExists(sqlite, JOURNAL_TABLE);
  const misplaced = misplacedMigrations(sqlite);
  const hashes = new Set<string>(misplaced.map((m) => m.hash));
  let last: number | null = null;
  if (own) {
    for (const row of sqlite.prepare(`SELECT hash, CAST(created_at AS REAL) AS at FROM ${q(JOURNAL_TABLE)}`).all() as { hash: string; at: number | null }[]) {
      hashes.add(row.hash);
      if (row.at !== null && (last === null || row.at > last)) last = row.at;
    }
  }
  for (const m of misplaced) if (last === null || m.folderMillis > last) last = m.folderMillis;
  return { exists: own || misplaced.length > 0, lastAppliedAt: last, recorded: hashes.size, misplaced };
}

/** The committed migrations whose hash an older console wrote into the service's __drizzle_migrations. */
export function misplacedMigrations(sqlite: Database.Database): CommittedMigration[] {
  if (!tableExists(sqlite, SERVICE_JOURNAL_TABLE)) return [];
  const there = new Set(
    sqlite
      .prepare(`SELECT hash FROM ${q(SERVICE_JOURNAL_TABLE)}`)
      .pluck()
      .all() as string[],
  );
  return committedMigrations().filter((m) => there.has(m.hash));
}

/** The committed migrations this file has not recorded, by drizzle's own rule (newer `when`). */
export function pendingMigrations(state: JournalState): CommittedMigration[] {
  return committedMigrations().filter((m) => state.lastAppliedAt === null || state.lastAppliedAt < m.folderMillis);
}

/** Our journal table, in the shape drizzle's SQLite migrator gives its own. */
export function createJournalTable(sqlite: Database.Database): void {
  sqlite.exec(`CREATE TABLE IF NOT EXISTS ${q(JOURNAL_TABLE)} (
				id SERIAL PRIMARY KEY,
				hash text NOT NULL,
				created_at numeric
			)`);
}

/** Records it once: a hash already in the journal is not written twice. */
export function recordMigration(sqlite: Database.Database, m: CommittedMigration): void {
  const have = sqlite.prepare(`SELECT 1 FROM ${q(JOURNAL_TABLE)} WHERE hash = ?`).get(m.hash) !== undefined;
  if (!have) sqlite.prepare(`INSERT INTO ${q(JOURNAL_TABLE)} ("hash", "created_at") VALUES (?, ?)`).run(m.hash, m.folderMillis);
}

/**
 * Moves an older console's rows out of the service's journal into ours: only rows whose hash is
 * one of the console's committed migrations are deleted; the service's own rows stay as they are.
 * Returns how many rows were removed. Run inside the caller's transaction.
 */
export function moveMisplacedRows(sqlite: Database.Database, migrations: readonly CommittedMigration[]): number {
  createJournalTable(sqlite);
  if (!tableExists(sqlite, SERVICE_JOURNAL_TABLE)) return 0;
  const remove = sqlite.prepare(`DELETE FROM ${q(SERVICE_JOURNAL_TABLE)} WHERE hash = ?`);
  let removed = 0;
  for (const m of migrations) {
    recordMigration(sqlite, m);
    removed += remove.run(m.hash).changes;
  }
  return removed;
}

/** The service's drizzle journal as doctor shows it. */
export interface ServiceJournalState {
  readonly exists: boolean;
  readonly rows: number;
  /** created_at (drizzle's `when`, ms) of its newest row */
  readonly newestAt: number | null;
  /** of those rows, how many an older console wrote (migrate moves them) */
  readonly consoleRows: number;
}

export function readServiceJournal(sqlite: Database.Database): ServiceJournalState {
  if (!tableExists(sqlite, SERVICE_JOURNAL_TABLE)) return { exists: false, rows: 0, newestAt: null, consoleRows: 0 };
  const row = sqlite.prepare(`SELECT count(*) AS n, max(CAST(created_at AS REAL)) AS last FROM ${q(SERVICE_JOURNAL_TABLE)}`).get() as { n: number; last: number | null };
  const ours = new Set(committedMigrations().map((m) => m.hash));
  const consoleRows = (
    sqlite
      .prepare(`SELECT hash FROM ${q(SERVICE_JOURNAL_TABLE)}`)
      .pluck()
      .all() as string[]
  ).filter((h) => ours.has(h)).length;
  return { exists: true, rows: row.n, newestAt: row.last, consoleRows };
}
