import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { generateDemo } from '../demo/generate.js';
import { applyMigration, planMigration } from '../../db/migrate/index.js';
import { demoPath } from './paths.js';

/**
 * The demo database of this scale under .bench/: reused when present and complete, completed by
 * `migrate` when it lacks something (made by an older build), generated when missing or broken.
 */
export function ensureDemo(scale: number, log: (line: string) => void, fresh = false): string {
  const path = demoPath(scale);
  if (existsSync(path) && !fresh) {
    try {
      const sqlite = new Database(path, { fileMustExist: true });
      try {
        if (sqlite.pragma('quick_check(1)', { simple: true }) !== 'ok') throw new Error('quick_check failed');
        const plan = planMigration(sqlite);
        if (plan.steps.length > 0) {
          log(`completing ${path}: ${plan.steps.map((s) => s.description).join('; ')}`);
          applyMigration(sqlite, plan);
        }
        const prompts = Number(sqlite.prepare('SELECT count(*) FROM prompt_history').pluck().get());
        if (prompts >= Math.round(100_000 * scale * 0.9)) return path;
        log(`${path} holds ${prompts} prompts, fewer than scale ${scale} makes: generating it again`);
      } finally {
        sqlite.close();
      }
    } catch (e) {
      log(`${path} cannot be reused (${(e as Error).message}): generating it again`);
    }
  }
  log(`generating ${path} (scale ${scale}; about ${Math.round(6 * scale)} s)`);
  generateDemo(path, { scale, force: true });
  return path;
}
