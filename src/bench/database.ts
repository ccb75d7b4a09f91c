import { existsSync, lstatSync, mkdirSync, readlinkSync, statSync, symlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { generateDemo } from '../demo/generate.js';
import { progressLine } from '../demo/progress-line.js';
import { promptCount } from '../demo/prompts.js';
import { applyMigration, planMigration } from '../../db/migrate/index.js';
import { demoPath } from './paths.js';
import { formatBytes } from './stats.js';

/** Measured on the 2-core bench machine: about 40 s of generation per scale step (scale 30: about 20 minutes). */
const SECONDS_PER_SCALE = 40;

/**
 * Where the file of `link` is really written: the target of `link` when it is a symlink (a big
 * file kept on another disk or folder, as `.bench/demo-10.db -> /work/.bench/demo-10.db`), else
 * `$BENCH_STORE/<name>` linked from `link` when BENCH_STORE is set, else `link` itself.
 */
export function storeOf(link: string, store = process.env.BENCH_STORE): string {
  try {
    if (lstatSync(link).isSymbolicLink()) return resolve(dirname(link), readlinkSync(link));
  } catch {
    // no file there yet
  }
  if (!store || existsSync(link)) return link;
  const target = join(resolve(store), basename(link));
  mkdirSync(dirname(target), { recursive: true });
  mkdirSync(dirname(link), { recursive: true });
  symlinkSync(target, link);
  return target;
}

/**
 * Why the file cannot be used as the demo of this scale, or undefined when it can. A demo is
 * renamed into place only when complete, so a full integrity check (minutes at scale 30) is not
 * needed: the schema is completed by `migrate` when an older build made it, and the prompts must
 * be as many as the scale makes (max(rowid): no scan).
 */
function unusable(path: string, scale: number, log: (line: string) => void): string | undefined {
  const sqlite = new Database(path, { fileMustExist: true });
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get(); // reads the header and schema: fails on a non-database
    const plan = planMigration(sqlite);
    if (plan.steps.length > 0) {
      log(`completing ${path}: ${plan.steps.map((s) => s.description).join('; ')}`);
      applyMigration(sqlite, plan);
    }
    const prompts = Number(sqlite.prepare('SELECT max(rowid) FROM prompt_history').pluck().get() ?? 0);
    return prompts >= Math.round(promptCount(scale) * 0.9) ? undefined : `it holds ${prompts} prompts, fewer than scale ${scale} makes`;
  } finally {
    sqlite.close();
  }
}

/**
 * The demo database of this scale under .bench/: reused when present and complete, completed by
 * `migrate` when it lacks something (made by an older build), generated when missing or broken,
 * with its progress on stderr (the generator inserts in batched transactions with the secondary
 * indexes dropped and built after, so memory stays flat at any scale).
 */
export function ensureDemo(scale: number, log: (line: string) => void, fresh = false): string {
  const path = demoPath(scale);
  if (existsSync(path) && !fresh) {
    try {
      const why = unusable(path, scale, log);
      if (why === undefined) return path;
      log(`${path}: ${why}: generating it again`);
    } catch (e) {
      log(`${path} cannot be reused (${(e as Error).message}): generating it again`);
    }
  }
  const target = storeOf(path);
  log(`generating ${target} (scale ${scale}; about ${Math.max(1, Math.round((SECONDS_PER_SCALE * scale) / 60))} min)`);
  const progress = progressLine(process.stderr);
  const summary = generateDemo(target, { scale, force: true, progress: progress.report });
  progress.end();
  const phases = Object.entries(summary.phases)
    .map(([name, ms]) => `${name} ${Math.round(ms / 1000)} s`)
    .join(', ');
  log(`generated ${target} in ${Math.round(summary.elapsedMs / 1000)} s (${phases}): ${formatBytes(statSync(target).size)}`);
  return path;
}
