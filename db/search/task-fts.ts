import type Database from 'better-sqlite3';
import { readShape, type DatabaseShape } from '../shape.js';
import { backfilledExtra } from './backfill.js';
import { trigramIndexServes } from './fts.js';

/**
 * A full-text index (FTS5 trigram) over tasks' prompt, result and error_message, so the Tasks
 * screen's text filter finds its rows, or that there are none, without reading every task.
 *
 * The service's task writes must stay cheap (COMPAT.md: a trigger the console adds runs inside
 * them). Writing FTS5 in each of its one-statement transactions cost 2-7x its INSERT at 1M tasks
 * (a new segment and structure record per transaction), and even noting each new rowid in a queue
 * wrote one more page per INSERT (1.11x). So the index keeps a watermark (tasks_fts_mark): every
 * task whose rowid is above it is not indexed yet and is read directly by a search, so a new
 * task (its rowid one above the highest) costs the service no write at all. At or below it, the
 * triggers note the changed rowid in a small queue table (a text change, a delete, an insert
 * that reuses the rowid of a deleted last task). The console indexes both, in its own short
 * transactions (drainTaskFts: when it searches, and in `migrate`), and raises the mark with them.
 * A search reads the index's candidates, the queued rows and the rows above the mark, and
 * re-checks them all against the row as it is now (task-text.ts), so no row is ever missed.
 *
 * Contentless (`content=''`, `contentless_delete=1`): the index stores trigrams only, no second
 * copy of the text, and a row is removed by rowid alone (no old values needed, so a stale entry
 * can never corrupt it). Keyed by the tasks rowid (tasks has a TEXT primary key, so an implicit
 * rowid; VACUUM of the file could renumber it: then drop tasks_fts and `migrate` again).
 */
export const TASK_FTS_TABLE = 'tasks_fts';
/** Rowids at or below the mark changed (prompt, result, error), deleted or reused since last indexed. */
export const TASK_FTS_QUEUE = 'tasks_fts_queue';
/** One row: the rowid up to which every task is indexed or queued; those above it are read directly. */
export const TASK_FTS_MARK = 'tasks_fts_mark';
const TRIGGERS = ['tasks_fts_ai', 'tasks_fts_au', 'tasks_fts_ad'] as const;

/** The mark as a search reads it: with its row gone (a hand edit), every task counts as not indexed. */
export const TASK_FTS_MARK_SQL = `coalesce((SELECT indexed_to FROM ${TASK_FTS_MARK} WHERE id = 1), -1)`;
/** Set while the backfill runs: every change is queued, since any row may be copied already. */
const MARK_ALL = '9223372036854775807';

/** Adds the rowid unless queued: a plain insert that cannot meet a conflict, whatever the outer statement's conflict policy. */
const enqueue = (rowid: string): string => `INSERT INTO ${TASK_FTS_QUEUE} (task_rowid) SELECT ${rowid} WHERE NOT EXISTS (SELECT 1 FROM ${TASK_FTS_QUEUE} WHERE task_rowid = ${rowid});`;
/** Whether the row is at or below the mark (a missing mark row: no, and searches read every row). */
const marked = (rowid: string): string => `${rowid} <= (SELECT indexed_to FROM ${TASK_FTS_MARK} WHERE id = 1)`;
const CHANGED = 'old.prompt IS NOT new.prompt OR old.result IS NOT new.result OR old.error_message IS NOT new.error_message';

// Run again by a resumed backfill, and by `migrate` on a file indexed before the mark existed
// (its triggers queued every insert): the triggers are made anew, and the mark starts at "all".
const SETUP = `
CREATE VIRTUAL TABLE IF NOT EXISTS ${TASK_FTS_TABLE} USING fts5(
  prompt, result, error_message, content='', contentless_delete=1, tokenize='trigram'
);
CREATE TABLE IF NOT EXISTS ${TASK_FTS_QUEUE} (task_rowid INTEGER PRIMARY KEY);
CREATE TABLE IF NOT EXISTS ${TASK_FTS_MARK} (id INTEGER PRIMARY KEY CHECK (id = 1), indexed_to INTEGER NOT NULL);
INSERT OR REPLACE INTO ${TASK_FTS_MARK} (id, indexed_to) VALUES (1, ${MARK_ALL});
${TRIGGERS.map((t) => `DROP TRIGGER IF EXISTS ${t};`).join('\n')}
CREATE TRIGGER tasks_fts_ad AFTER DELETE ON tasks
WHEN ${marked('old.rowid')}
BEGIN ${enqueue('old.rowid')} END;
CREATE TRIGGER tasks_fts_au AFTER UPDATE OF prompt, result, error_message ON tasks
WHEN (${CHANGED}) AND ${marked('new.rowid')}
BEGIN ${enqueue('new.rowid')} END;
`;

// Run in the transaction that finds nothing left to copy: every task is now indexed (or queued),
// so the mark comes down to the highest rowid, and the insert trigger's presence means "complete".
const FINISH = `
UPDATE ${TASK_FTS_MARK} SET indexed_to = (SELECT coalesce(max(rowid), 0) FROM tasks) WHERE id = 1;
CREATE TRIGGER IF NOT EXISTS tasks_fts_ai AFTER INSERT ON tasks
WHEN ${marked('new.rowid')}
BEGIN ${enqueue('new.rowid')} END;
`;

const COPY = `
INSERT INTO ${TASK_FTS_TABLE}(rowid, prompt, result, error_message)
SELECT t.rowid, t.prompt, t.result, t.error_message FROM tasks t
WHERE t.rowid > ? AND t.rowid <= ? AND NOT EXISTS (SELECT 1 FROM ${TASK_FTS_TABLE}_docsize d WHERE d.id = t.rowid)`;

/** Whether the tasks' full-text index exists, with its mark, and its backfill finished (the Tasks filter may use it). */
export function taskFtsReady(shape: DatabaseShape): boolean {
  return [TASK_FTS_TABLE, TASK_FTS_QUEUE, TASK_FTS_MARK].every((t) => shape.tables.has(t)) && TRIGGERS.every((t) => shape.triggers.has(t));
}

/** Whether the Tasks text filter for `query` is answered through the index (else it scans). */
export const canUseTaskFts = (shape: DatabaseShape, query: string): boolean => taskFtsReady(shape) && trigramIndexServes(query);

/** Rows per drain transaction: a few ms of the write lock each (the service waits at most that). */
export const DRAIN_BATCH = 500;

/** Indexes the rows `pick` selects again: their entry out, the row as it is now in (unless deleted). */
function reindex(sqlite: Database.Database, pick: string) {
  const out = sqlite.prepare(`DELETE FROM ${TASK_FTS_TABLE} WHERE rowid IN (${pick})`);
  const add = sqlite.prepare(`INSERT INTO ${TASK_FTS_TABLE}(rowid, prompt, result, error_message)
    SELECT t.rowid, t.prompt, t.result, t.error_message FROM tasks t WHERE t.rowid IN (${pick})`);
  return (): void => {
    out.run();
    add.run();
  };
}

/**
 * Indexes queued rows again, oldest rowids first, then the rows above the mark, raising it, in
 * IMMEDIATE transactions of DRAIN_BATCH rows, until both are done or `maxBatches` ran. Never
 * waits for the lock: when the service holds it, it stops (searches stay exact meanwhile, reading
 * queued rows and those above the mark directly). Returns the rows indexed.
 */
export function drainTaskFts(sqlite: Database.Database, maxBatches = Number.POSITIVE_INFINITY): number {
  if (sqlite.readonly) return 0;
  const queued = `SELECT task_rowid FROM ${TASK_FTS_QUEUE} ORDER BY task_rowid LIMIT ${DRAIN_BATCH}`;
  const above = `SELECT rowid FROM tasks WHERE rowid > ${TASK_FTS_MARK_SQL} ORDER BY rowid LIMIT ${DRAIN_BATCH}`;
  const reindexQueued = reindex(sqlite, queued);
  const dequeue = sqlite.prepare(`DELETE FROM ${TASK_FTS_QUEUE} WHERE task_rowid IN (${queued})`);
  const reindexAbove = reindex(sqlite, above);
  const top = sqlite.prepare(`SELECT count(*) AS n, max(rowid) AS top FROM (${above})`);
  const raise = sqlite.prepare<[number]>(`INSERT OR REPLACE INTO ${TASK_FTS_MARK} (id, indexed_to) VALUES (1, ?)`);
  const batch = sqlite.transaction((): number => {
    reindexQueued();
    const fromQueue = dequeue.run().changes;
    if (fromQueue === DRAIN_BATCH) return fromQueue;
    const { n, top: highest } = top.get() as { n: number; top: number | null };
    if (highest === null) return fromQueue;
    reindexAbove();
    raise.run(highest);
    return fromQueue + n;
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
    "full-text index (FTS5 trigram) on tasks prompt, result and error_message; a new task costs the service's INSERT no write (read " +
    'directly until indexed), a changed one queues its rowid (a trigger), the console indexes them: the Tasks text filter at any size',
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

/**
 * A file indexed before the mark existed: its insert trigger queued every new task, so every task
 * is indexed or queued, and the mark can start at the highest rowid. In one transaction, so no
 * task is written between the old triggers and the new; no pass over the tasks.
 */
function upgradeInPlace(sqlite: Database.Database): boolean {
  return sqlite
    .transaction((): boolean => {
      const shape = readShape(sqlite);
      const complete = shape.tables.has(TASK_FTS_TABLE) && shape.tables.has(TASK_FTS_QUEUE) && TRIGGERS.every((t) => shape.triggers.has(t));
      if (!complete || shape.tables.has(TASK_FTS_MARK)) return false;
      sqlite.exec(SETUP);
      sqlite.exec(FINISH);
      return true;
    })
    .immediate();
}

/** The extra `migrate` applies: the batched backfill (or the upgrade of an earlier index), then the rows changed meanwhile. */
export const taskFtsExtra: typeof backfilled = {
  ...backfilled,
  apply(sqlite, progress) {
    if (!upgradeInPlace(sqlite)) backfilled.apply(sqlite, progress);
    drainTaskFts(sqlite);
  },
};
