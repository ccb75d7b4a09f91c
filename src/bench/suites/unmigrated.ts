import { copyFileSync, existsSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../db/connection.js';
import { JOURNAL_TABLE } from '../../../db/migrate/index.js';
import { consoleArgs, timeProcess } from '../processes.js';
import { unmigratedPath } from '../paths.js';
import { hasListData, KEYS, mountConsole } from '../ink-harness.js';
import type { BenchOptions, BenchRow } from '../result.js';
import { ensureDemo } from '../database.js';

/** Tables whose indexes the service never makes (COMPAT.md); scheduled_tasks keeps its own four. */
const SERVICE_HAS_NO_INDEX_ON = ['tasks', 'sessions', 'audit_logs', 'offline_queue', 'prompt_history'];

/** A copy of the demo shaped like a file the service made: no console indexes, no search objects, no journal. */
export function makeUnmigrated(source: string, target: string): void {
  for (const s of ['', '-wal', '-shm']) rmSync(target + s, { force: true });
  const src = new Database(source);
  src.pragma('wal_checkpoint(TRUNCATE)');
  src.close();
  copyFileSync(source, target);
  const db = new Database(target);
  try {
    const objects = db.prepare('SELECT type, name, tbl_name AS tbl FROM sqlite_master WHERE sql IS NOT NULL').all() as { type: string; name: string; tbl: string }[];
    for (const o of objects) {
      if (o.type === 'trigger' && (o.tbl.startsWith('prompt_history') || o.name.startsWith('tasks_fts'))) db.exec(`DROP TRIGGER "${o.name}"`);
      if (o.type === 'index' && SERVICE_HAS_NO_INDEX_ON.includes(o.tbl)) db.exec(`DROP INDEX "${o.name}"`);
    }
    // the full-text table first: dropping it drops its shadow tables
    const searchTables = "(name LIKE 'prompt_history_%' OR name LIKE 'tasks_fts%')";
    for (const t of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND ${searchTables} ORDER BY length(name)`).pluck().all() as string[]) {
      if (existsTable(db, t)) db.exec(`DROP TABLE "${t}"`);
    }
    db.exec(`DROP TABLE IF EXISTS "${JOURNAL_TABLE}"`);
    db.exec('VACUUM');
  } finally {
    db.close();
  }
}

const existsTable = (db: Database.Database, name: string): boolean => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

export interface UnmigratedResult {
  readonly rows: BenchRow[];
  /** doctor's "Slow until migrated" section, as it prints it */
  readonly doctor: string[];
  readonly scale: number;
}

/** The console on a file that was never migrated: it works (slower), and doctor says what migrate fixes. */
export async function unmigratedSuite(o: BenchOptions): Promise<UnmigratedResult> {
  const scale = Math.min(o.scale, 1);
  const target = unmigratedPath(scale);
  if (!existsSync(target)) {
    o.log(`  making ${target} (a service-made shape)`);
    makeUnmigrated(ensureDemo(scale, o.log), target);
  }
  const rows: BenchRow[] = [];
  const doctorRun = timeProcess([...consoleArgs(target, ['doctor'])], { ...process.env, NO_COLOR: '1' });
  const out = doctorRun.stdout.split('\n');
  const from = out.findIndex((l) => l.startsWith('Slow until migrated'));
  const doctor = from >= 0 ? out.slice(from).filter((l) => l.trim() !== '') : [`(doctor printed no slow operations; exit ${doctorRun.code})`, ...doctorRun.stderr.split('\n')];
  const group = `never migrated (scale ${scale}), works`;
  for (const args of [[], ['--search', 'billing'], ['--tag', 'security'], ['--tags'], ['--stats']]) {
    const r = timeProcess(consoleArgs(target, ['history', ...args]), { ...process.env, NO_COLOR: '1' });
    rows.push({ group, work: `history ${args.join(' ')} (exit ${r.code})`.replace('  ', ' '), console: r.ms, target: { text: 'works (exit 0)', met: r.code === 0 && r.stdout.length > 0 } });
  }
  const conn = openDatabase({ path: target, readOnly: true });
  const app = mountConsole(conn, 'tasks');
  try {
    const first = (await app.until(hasListData)) - app.started;
    rows.push({ group, work: 'tasks screen: first frame with data', console: first, target: { text: 'works', met: true } });
    const end = await app.press(KEYS.end);
    rows.push({ group, work: 'tasks screen: key End (no index: a sort of every task)', console: end, target: { text: 'works', met: true } });
  } finally {
    app.unmount();
    conn.close();
  }
  return { rows, doctor, scale };
}
