import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from '../../db/errors.js';
import { committedMigrations, createJournalTable, recordMigration } from '../../db/migrate/journal.js';
import { pushSchema } from '../../db/migrate/push-schema.js';
import { searchExtras } from '../../db/search/extras.js';
import { writeApiKeys, writeOfflineQueue } from './agents.js';
import { writeAuditLogs } from './audit.js';
import { withoutIndexes, type Progress } from './bulk.js';
import { writeProjects } from './projects.js';
import { writePrompts } from './prompts.js';
import { writeSchedules } from './schedules.js';
import { writeTasks } from './tasks.js';
import { writePermissions, writeUsers } from './users.js';
import type { DemoWorld } from './world.js';
import { DEMO_APPLICATION_ID, assertReplaceable } from './replace-guard.js';

/** What `--demo` builds for a newcomer: about 10k tasks and 10k prompts, ready in a few seconds. */
export const DEMO_DEFAULT_SCALE = 0.1;
export const DEMO_DEFAULT_SEED = 20250929;

export const MANAGED_TABLES = [
  'projects',
  'tasks',
  'sessions',
  'users',
  'user_project_permissions',
  'audit_logs',
  'offline_queue',
  'api_keys',
  'prompt_history',
  'netsuite_configs',
  'scheduled_tasks',
] as const;

export interface DemoOptions {
  /** 1 = about 100k tasks and 100k prompts */
  scale: number;
  seed?: number;
  /** replace an existing database file */
  force?: boolean;
  /** the clock the data is built around (ms); tests pin it so two runs match byte for byte */
  now?: number;
  progress?: Progress;
}

export interface DemoSummary {
  readonly path: string;
  readonly scale: number;
  readonly seed: number;
  readonly counts: Record<(typeof MANAGED_TABLES)[number], number>;
  /** ms per phase, in the order they ran */
  readonly phases: Record<string, number>;
  readonly elapsedMs: number;
}

/** The largest scale accepted: 10M tasks and 10M prompts, about 18 GB. */
export const MAX_DEMO_SCALE = 100;
/** Measured: a scale-10 file is about 1.8 GB. */
const BYTES_PER_SCALE = 185 * 1024 * 1024;

const removeFile = (path: string): void => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
};

/** Refuses an absurd scale, or one the disk cannot hold, before anything is written. */
function checkScale(path: string, scale: number): void {
  if (!(scale > 0) || !Number.isFinite(scale)) throw new UsageError(`the scale must be a positive number, not ${scale}`);
  if (scale > MAX_DEMO_SCALE) throw new UsageError(`the scale must be at most ${MAX_DEMO_SCALE} (10M tasks, about 18 GB), not ${scale}`);
  let dir = dirname(path);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir); // the folder may not exist yet
  const free = statfsSync(dir);
  const needed = scale * BYTES_PER_SCALE;
  if (free.bavail * free.bsize < needed) {
    const gb = (n: number): string => (n / 1024 ** 3).toFixed(1);
    throw new UsageError(`scale ${scale} needs about ${gb(needed)} GB but ${dir} has ${gb(free.bavail * free.bsize)} GB free`);
  }
}

/**
 * Refuses to overwrite a database by accident: without force any existing non-empty file; with
 * force anything but a demo file this console made that no other process has open.
 */
function prepareFile(path: string, force: boolean): void {
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) throw new UsageError(`${path} is a directory, not a database file`);
    if (force) assertReplaceable(path);
    else if (!statSync(path).isFile() || statSync(path).size > 0) {
      throw new UsageError(`${path} already exists; use --force to replace it with demo data (only a demo file bematic-console made)`);
    }
  }
  mkdirSync(dirname(path), { recursive: true });
}

/**
 * Writes a new demo database: the full schema, realistic rows in every managed table, the
 * prompt search objects and planner statistics. Nobody uses the file yet, so it is written
 * without journal or fsync and switched to WAL at the end.
 */
export function generateDemo(path: string, opts: DemoOptions): DemoSummary {
  checkScale(path, opts.scale);
  const started = performance.now();
  const seed = opts.seed ?? DEMO_DEFAULT_SEED;
  prepareFile(path, opts.force ?? false);
  // Written under another name and renamed when complete: a killed run never leaves a half demo at PATH.
  const partial = `${path}.partial`;
  removeFile(partial);
  const sqlite = new Database(partial);
  const phases: Record<string, number> = {};
  let mark = performance.now();
  const phase = (name: string, run: () => void): void => {
    run();
    const t = performance.now();
    phases[name] = Math.round(t - mark);
    mark = t;
  };
  try {
    sqlite.pragma('journal_mode = OFF');
    sqlite.pragma('synchronous = OFF');
    sqlite.pragma('cache_size = -524288'); // 512 MB: the primary key indexes stay in memory while they grow
    sqlite.pragma('temp_store = MEMORY');
    sqlite.pragma('foreign_keys = OFF'); // checked once at the end instead of on every row
    const world: DemoWorld = {
      sqlite,
      seed,
      scale: opts.scale,
      now: opts.now ?? Date.now(),
      progress: opts.progress ?? (() => {}),
      projects: [],
      users: [],
      audit: [],
    };
    phase('schema', () => createSchema(sqlite));
    phase('users, projects, keys', () => {
      world.users = writeUsers(world);
      world.projects = writeProjects(world);
      writePermissions(world);
      writeApiKeys(world);
    });
    phase('tasks and sessions', () => withoutIndexes(sqlite, ['tasks', 'sessions'], () => writeTasks(world), world.progress));
    phase('schedules, queue, audit', () => {
      writeSchedules(world);
      writeOfflineQueue(world);
      writeAuditLogs(world);
    });
    phase('prompt_history', () => withoutIndexes(sqlite, ['prompt_history'], () => writePrompts(world), world.progress));
    phase('search index', () => {
      for (const extra of searchExtras) extra.apply(sqlite, (done, total) => world.progress(done, total, extra.name));
    });
    phase('checks and statistics', () => finish(sqlite));
    const counts = Object.fromEntries(MANAGED_TABLES.map((t) => [t, (sqlite.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n])) as DemoSummary['counts'];
    sqlite.close();
    // again now: a process may have opened the old file while the demo was being written
    if (existsSync(path)) assertReplaceable(path);
    removeFile(path);
    renameSync(partial, path);
    return { path, scale: opts.scale, seed, counts, phases, elapsedMs: Math.round(performance.now() - started) };
  } catch (e) {
    if (sqlite.open) sqlite.close();
    removeFile(partial); // half a demo is worse than none
    throw e;
  } finally {
    if (sqlite.open) sqlite.close();
  }
}

/** The committed schema with its migration journal, so the demo is a database `migrate` made, not one to adopt. */
function createSchema(sqlite: Database.Database): void {
  sqlite.pragma(`application_id = ${DEMO_APPLICATION_ID}`); // the mark that lets a later --force replace it
  pushSchema(sqlite);
  createJournalTable(sqlite);
  for (const m of committedMigrations()) recordMigration(sqlite, m);
}

/** Proves the rows hang together, gives the planner statistics, and leaves the file as the service expects it. */
function finish(sqlite: Database.Database): void {
  const broken = sqlite.pragma('foreign_key_check') as unknown[];
  if (broken.length > 0) throw new Error(`demo data broke ${broken.length} foreign keys`);
  sqlite.pragma('analysis_limit = 2000'); // sampled statistics: as good for the planner, seconds faster at a million rows
  sqlite.exec('ANALYZE');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
}
