import type { DatabaseShape } from '../shape.js';
import { backfilledExtra } from './backfill.js';
import { trigramIndexServes } from './fts.js';

/**
 * A full-text index (FTS5 trigram) over tasks' prompt, result and error_message, so the Tasks
 * screen's text filter finds its rows, or that there are none, without reading every task.
 *
 * External content keyed by the tasks rowid (tasks has a TEXT primary key, so an implicit
 * rowid): the index stores only trigrams, not a second copy of the text. Its triggers run inside
 * the service's own writes (COMPAT.md), so they are plain inserts into FTS5 that cannot raise,
 * and the update trigger fires only when one of the three columns is set and changed: the
 * service's frequent updates of status, tokens and cost never reach it.
 */
export const TASK_FTS_TABLE = 'tasks_fts';
const TRIGGERS = ['tasks_fts_ai', 'tasks_fts_au', 'tasks_fts_ad'] as const;

/** Only a row the index holds may be deleted from it: FTS5 would corrupt on a stray 'delete'. */
const INDEXED_OLD = `EXISTS (SELECT 1 FROM ${TASK_FTS_TABLE}_docsize WHERE id = old.rowid)`;
const DELETE_OLD = `INSERT INTO ${TASK_FTS_TABLE}(${TASK_FTS_TABLE}, rowid, prompt, result, error_message) VALUES ('delete', old.rowid, old.prompt, old.result, old.error_message);`;
const INSERT_NEW = `INSERT INTO ${TASK_FTS_TABLE}(rowid, prompt, result, error_message) VALUES (new.rowid, new.prompt, new.result, new.error_message);`;
const CHANGED = 'old.prompt IS NOT new.prompt OR old.result IS NOT new.result OR old.error_message IS NOT new.error_message';

const SETUP = `
CREATE VIRTUAL TABLE IF NOT EXISTS ${TASK_FTS_TABLE} USING fts5(
  prompt, result, error_message, content='tasks', content_rowid='rowid', tokenize='trigram'
);
CREATE TRIGGER IF NOT EXISTS tasks_fts_ad AFTER DELETE ON tasks
WHEN ${INDEXED_OLD}
BEGIN ${DELETE_OLD} END;
CREATE TRIGGER IF NOT EXISTS tasks_fts_au AFTER UPDATE OF prompt, result, error_message ON tasks
WHEN ${INDEXED_OLD} AND (${CHANGED})
BEGIN ${DELETE_OLD} ${INSERT_NEW} END;
`;

// Created last, in the transaction that finds nothing left to copy: its presence means "complete".
const FINISH = `CREATE TRIGGER IF NOT EXISTS tasks_fts_ai AFTER INSERT ON tasks BEGIN ${INSERT_NEW} END;`;

const COPY = `
INSERT INTO ${TASK_FTS_TABLE}(rowid, prompt, result, error_message)
SELECT t.rowid, t.prompt, t.result, t.error_message FROM tasks t
WHERE t.rowid > ? AND t.rowid <= ? AND NOT EXISTS (SELECT 1 FROM ${TASK_FTS_TABLE}_docsize d WHERE d.id = t.rowid)`;

/** Whether the tasks' full-text index exists and its backfill finished (the Tasks filter may use it). */
export function taskFtsReady(shape: DatabaseShape): boolean {
  return shape.tables.has(TASK_FTS_TABLE) && TRIGGERS.every((t) => shape.triggers.has(t));
}

/** Whether the Tasks text filter for `query` is answered through the index (else it scans). */
export const canUseTaskFts = (shape: DatabaseShape, query: string): boolean => taskFtsReady(shape) && trigramIndexServes(query);

export const taskFtsExtra = backfilledExtra({
  name: TASK_FTS_TABLE,
  description: 'full-text index (FTS5 trigram) on tasks prompt, result and error_message, kept by triggers: the Tasks text filter at any size',
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
