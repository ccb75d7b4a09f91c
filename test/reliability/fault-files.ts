import Database from 'better-sqlite3';
import { chmodSync, closeSync, copyFileSync, openSync, statSync, truncateSync, writeSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { runBinary } from '../helpers/spawn.js';

/** A small demo database made by the real binary (about 1,000 prompts), closed. */
export async function demoFile(dir: string, name = 'demo.db', scale = 0.01): Promise<string> {
  const path = join(dir, name);
  const run = await runBinary(['demo', '--db', path, '--scale', String(scale), '--seed', '7']);
  if (run.code !== 0) throw new Error(`demo failed: ${run.stderr}`);
  return path;
}

/** The same file folded back into one (no -wal), so a copy or a byte edit is the whole database. */
export function checkpointed(path: string): string {
  const db = new Database(path);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return path;
}

/** Every page of every table and index, not the schema's: it opens, and any read meets garbage (small tables live in their root alone). */
function tablePages(path: string): number[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare("SELECT pageno FROM dbstat WHERE name NOT IN ('sqlite_schema', 'sqlite_master')").pluck().all() as number[];
  } finally {
    db.close();
  }
}

/** Garbage over the middle pages (every table's and index's, the schema left intact): it opens, then fails on reading. */
export function corruptCopy(source: string, target: string): string {
  const pages = tablePages(source);
  copyFileSync(source, target);
  const pageSize = 4096;
  const garbage = Buffer.alloc(pageSize);
  for (let i = 0; i < pageSize; i++) garbage[i] = (i * 131 + 7) & 0xff;
  const fd = openSync(target, 'r+');
  try {
    for (const page of pages) writeSync(fd, garbage, 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
  if (pages.length < 10 || statSync(target).size !== statSync(source).size) throw new Error('corruptCopy: unexpected layout');
  return target;
}

export function truncatedCopy(source: string, target: string): string {
  copyFileSync(source, target);
  truncateSync(target, Math.floor(statSync(target).size / 2));
  return target;
}

export function notSqlite(target: string): string {
  writeFileSync(target, 'id,prompt\n1,"this is a CSV export, not a database"\n'.repeat(200));
  return target;
}

export function directory(target: string): string {
  mkdirSync(target);
  return target;
}

/** A folder user nobody can enter and read but not write, holding a read-only copy of `source`. */
export function readOnlyForNobody(dir: string, source: string): string {
  const folder = join(dir, 'ro');
  mkdirSync(folder);
  const target = join(folder, 'bematic.db');
  copyFileSync(source, target);
  chmodSync(dir, 0o755);
  chmodSync(folder, 0o755);
  chmodSync(target, 0o644);
  return target;
}

export const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

export function integrity(path: string): string {
  const db = new Database(path);
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}
