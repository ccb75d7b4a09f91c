import type Database from 'better-sqlite3';
import type { DatabaseShape } from '../shape.js';
import { backfilledExtra } from './backfill.js';
import { trigramIndexServes } from './fts.js';

/**
 * A full-text index (FTS5 trigram) over tasks' prompt, result and error_message, so the Tasks
 * screen's text filter finds its rows, or that there are none, without reading every task.
 *
 * The service's task writes must stay cheap (COMPAT.md: a trigger the console adds runs inside
 * them). Writing FTS5 in each of its one-statement transactions cost 2-7x its INSERT at 1M tasks
 * (a new segment and structure record per transaction), so the triggers only note the changed
 * rowid in a small queue table, and the console indexes queued rows itself, in its own short
 * transactions (drainTaskFts: when it searches, and in `migrate`). A search reads the index's
 * candidates plus every queued row and re-checks them all against the row as it is now
 * (task-text.ts), so a row not yet indexed again is never missed.
 *
 * Contentless (`content=''`, `contentless_delete=1`): the index stores trigrams only, no second
 * copy of the text, and a row is removed by rowid alone (no old values needed, so a stale entry
 * can never corrupt it). Keyed by the tasks rowid (tasks has a TEXT primary key, so an implicit
 * rowid; VACUUM of the file could renumber it: then drop tasks_fts and `migrate` again).
 */
export const TASK_FTS_TABLE = 'tasks_fts';
/** Rowids of tasks inserted, changed (prompt, result, error) or deleted since last indexed. */
export const TASK_FTS_QUEUE = 'tasks_fts_queue';
const TRIGGERS = ['tasks_fts_ai', 'tasks_fts_au', 'tasks_fts_ad'] as const;

/** Adds the rowid unless queued: a plain insert that cannot meet a conflict, whatever the outer statement's conflict policy. */
const enqueue = (rowid: string): string => `INSERT INTO ${TASK_FTS_QUEUE} (task_rowid) SELECT ${rowid} WHERE NOT EXISTS (SELECT 1 FROM ${TASK_FTS_QUEUE} WHERE task_rowid = ${rowid});`;
const CHANGED = 'old.prompt IS NOT new.prompt OR old.result IS NOT new.result OR old.error_message IS NOT new.error_message';

const SETUP = `
CREATE VIRTUAL TABLE IF NOT EXISTS ${TASK_FTS_TABLE} USING fts5(
  prompt, result, error_message, content='', contentless_delete=1, tokenize='trigram'
);
CREATE TABLE IF NOT EXISTS ${TASK_FTS_QUEUE} (task_rowid INTEGER PRIMARY KEY);
CREATE TRIGGER IF NOT EXISTS tasks_fts_ad AFTER DELETE ON tasks
BEGIN ${enqueue('old.rowid')} END;
CREATE TRIGGER IF NOT EXISTS tasks_fts_au AFTER UPDATE OF prompt, result, error_message ON tasks
WHEN ${CHANGED}
BEGIN ${enqueue('new.rowid')} END;
`;

// Created last, in the transaction that finds nothing left to copy: its presence means "complete".
const FINISH = `CREATE TRIGGER IF NOT EXISTS tasks_fts_ai AFTER INSERT ON tasks BEGIN ${enqueue('new.rowid')} END;`;

const COPY = `
INSERT INTO ${TASK_FTS_TABLE}(rowid, prompt, result, error_message)
SELECT t.rowid, t.prompt, t.result, t.error_message FROM tasks t
WHERE t.rowid > ? AND t.rowid <= ? AND NOT EXISTS (SELECT 1 FROM ${TASK_FTS_TABLE}_docsize d WHERE d.id = t.rowid)`;

/** Whether the tasks' full-text index exists and its backfill finished (the Tasks filter may use it). */
export function taskFtsReady(shape: DatabaseShape): boolean {
  return shape.tables.has(TASK_FTS_TABLE) && shape.tables.has(TASK_FTS_QUEUE) && TRIGGERS.every((t) => shape.triggers.has(t));
}

/** Whether the Tasks text filter for `query` is answered through the index (else it scans). */
export const canUseTaskFts = (shape: DatabaseShape, query: string): boolean => taskFtsReady(shape) && trigramIndexServes(query);

/** Rows per drain transaction: a few ms of the write lock each (the service waits at most that). */
export const DRAIN_BATCH = 500;

/**
 * Indexes queued rows again (their entry out, the row as it is now in, unless deleted), oldest
 * rowids first, in IMMEDIATE transactions of DRAIN_BATCH rows, until the queue is empty or
 * `maxBatches` ran. Never waits for the lock: when the service holds it, it stops (searches stay
 * exact meanwhile, reading queued rows directly). Returns the rows indexed.
 */
export function drainTaskFts(sqlite: Database.Database, maxBatches = Number.POSITIVE_INFINITY): number {
  if (sqlite.readonly) return 0;
  const pick = `SELECT task_rowid FROM ${TASK_FTS_QUEUE} ORDER BY task_rowid LIMIT ${DRAIN_BATCH}`;
  const out = sqlite.prepare(`DELETE FROM ${TASK_FTS_TABLE} WHERE rowid IN (${pick})`);
  const add = sqlite.prepare(`INSERT INTO ${TASK_FTS_TABLE}(rowid, prompt, result, error_message)
    SELECT t.rowid, t.prompt, t.result, t.error_message FROM tasks t WHERE t.rowid IN (${pick})`);
  const done = sqlite.prepare(`DELETE FROM ${TASK_FTS_QUEUE} WHERE task_rowid IN (${pick})`);
  const batch = sqlite.transaction((): number => {
    out.run();
    add.run();
    return done.run().changes;
  });
  const timeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  let total = 0;
  try {
    sqlite.pragma('busy_timeout = 0');
    for (let i = 0; i < maxBatches; i++) {
      const n = batch.immediate();
      total += n;
      if (n < DRAIN_BATCH) break;
    }
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (!code.startsWith('SQLITE_BUSY') && !code.startsWith('SQLITE_LOCKED')) throw e;
  } finally {
    sqlite.pragma(`busy_timeout = ${timeout}`);
  }
  return total;
}

const backfilled = backfilledExtra({
  name: TASK_FTS_TABLE,
  description:
    "full-text index (FTS5 trigram) on tasks prompt, result and error_message; the service's writes only queue the changed rowid " +
    '(a trigger), the console indexes them: the Tasks text filter at any size',
  table: 'tasks',
  key: 'rowid',
  isPresent: taskFtsReady,
  setup: SETUP,
  finish: FINISH,
  batchSize: 5000,
  copier: (sqlite) => {
    const copy = sqlite.prepare<[number, number]>(COPY);
    return (lo, hi) => copy.run(lo, hi);
  },
});

/** The extra `migrate` applies: the batched backfill, then the rows changed meanwhile. */
export const taskFtsExtra: typeof backfilled = {
  ...backfilled,
  apply(sqlite, progress) {
    backfilled.apply(sqlite, progress);
    drainTaskFts(sqlite);
  },
};
