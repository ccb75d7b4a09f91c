import { or, sql, type SQL } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { ShapedTable } from '../tables.js';
import { currentShape } from '../tables.js';
import { ftsMatchFor } from './trigrams.js';
import { ftsPhrase } from './fts.js';
import { foldCase, registerFold } from './fold.js';
import { foldedMatch } from './folded-sql.js';
import { canUseTaskFts, drainTaskFts, taskFtsReady, TASK_FTS_MARK_SQL, TASK_FTS_QUEUE, TASK_FTS_TABLE } from './task-fts.js';

/** The columns the Tasks text filter reads (and tasks_fts indexes), those the file has. */
function textColumns(t: ShapedTable<'tasks'>) {
  const c = t.table;
  return [c.prompt, ...(t.missing.has('result') ? [] : [c.result]), ...(t.missing.has('errorMessage') ? [] : [c.errorMessage])];
}

/** Literal text, in any case (all of Unicode), in the task's prompt, result or error: read row by row. */
export const scanTaskText = (t: ShapedTable<'tasks'>, text: string): SQL => or(...textColumns(t).map((c) => foldedMatch(c, 'contains', text)))!;

/**
 * Above this many candidates from the index, reading them all (a lookup and a re-check each, then
 * a sort by time: ~20 ms for 2,000 at 1M tasks on a loaded 2-core machine) costs more than reading
 * the newest tasks until a page matches, which stops early when matches are that common.
 */
export const INDEX_CANDIDATES_MAX = 2000;

/**
 * The exact phrase is asked only of queries this short (in trigrams): its position lists make a
 * long one cost 70-100 ms at 1M tasks ("dark mode for inventory sync"), a short one under 1 ms.
 * A longer query asks for its start and its end instead: without either, a long phrase whose
 * trigrams are all common read the newest tasks until 50 matched (26 s at 3M tasks).
 */
const PHRASE_MAX_TRIGRAMS = 12;

/** Rows a search reads besides the index's candidates (queued, or above the mark), up to a limit each. */
const UNINDEXED_COUNT = `SELECT (SELECT count(*) FROM (SELECT 1 FROM ${TASK_FTS_QUEUE} LIMIT ?))
  + (SELECT count(*) FROM (SELECT 1 FROM tasks WHERE rowid > ${TASK_FTS_MARK_SQL} LIMIT ?))`;

/**
 * The MATCH argument that finds few enough candidates for `folded` (with the rows not indexed
 * yet, queued or above the mark, which are read too), or null when the text is common (then the
 * scan in list order is the cheaper read). The selective trigrams first (cheap: no position lists,
 * trigrams.ts); if they leave too many, the exact phrase of a short query, or the start and the end
 * of a long one (positions checked, so a query whose trigrams are common but that itself matches
 * little, such as `timeout`, stays on the index). Each probe reads at most
 * INDEX_CANDIDATES_MAX + 1 rowids.
 */
export function narrowMatch(sqlite: Database.Database, folded: string): string | null {
  const limit = INDEX_CANDIDATES_MAX + 1;
  const queued = sqlite.prepare<[number, number], number>(UNINDEXED_COUNT).pluck().get(limit, limit) ?? 0;
  if (queued > INDEX_CANDIDATES_MAX) return null;
  const probe = sqlite.prepare<[string, number], number>(`SELECT count(*) FROM (SELECT rowid FROM ${TASK_FTS_TABLE} WHERE ${TASK_FTS_TABLE} MATCH ? LIMIT ?)`).pluck();
  const few = (match: string): boolean => (probe.get(match, limit) ?? 0) + queued <= INDEX_CANDIDATES_MAX;
  const selective = ftsMatchFor(folded);
  if (few(selective)) return selective;
  for (const part of phraseParts(folded)) {
    const phrase = ftsPhrase(part);
    if (phrase !== selective && few(phrase)) return phrase;
  }
  return null;
}

/**
 * The query itself when short; else its first and its last PHRASE_MAX_TRIGRAMS trigrams, each a
 * phrase every matching row holds too (the re-check keeps the answer exact), at a short one's cost.
 */
function phraseParts(folded: string): string[] {
  const chars = [...folded];
  const n = PHRASE_MAX_TRIGRAMS + 2;
  if (chars.length <= n) return [folded];
  return [chars.slice(0, n).join(''), chars.slice(-n).join('')];
}

/** Queued rows indexed per search, at most (DRAIN_BATCH each): the rest stay queued, read directly. */
const DRAIN_BATCHES_PER_SEARCH = 4;

/**
 * The same rows, found through tasks_fts when it is complete, the query suits a trigram index
 * (3 characters or more, see fts.ts) and it narrows the tasks to a few (narrowMatch): its
 * candidates, the rows queued since they were indexed and those above its mark (task-fts.ts), are
 * re-checked by the scanning predicate, so both paths return exactly the same rows. A filter that
 * matches little or nothing then costs a few doclist reads instead of a pass over every task; a
 * common one reads the newest tasks until a page matches, as before. Rows not indexed yet are
 * indexed first, a few batches.
 */
export function taskTextMatch(sqlite: Database.Database, t: ShapedTable<'tasks'>, text: string): SQL {
  registerFold(sqlite);
  const scan = scanTaskText(t, text);
  if (!canUseTaskFts(currentShape(sqlite), text)) return scan;
  try {
    drainTaskFts(sqlite, DRAIN_BATCHES_PER_SEARCH);
  } catch {
    // a file that cannot be written now (permissions, a full disk): the queued rows are read as they are
  }
  const match = narrowMatch(sqlite, foldCase(text));
  if (match === null) return scan;
  const rowid = sql.raw(`"${t.name}"."rowid"`);
  const fts = sql.raw(TASK_FTS_TABLE);
  const indexed = sql`${rowid} IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ${match})`;
  const queued = sql`${rowid} IN (SELECT task_rowid FROM ${sql.raw(TASK_FTS_QUEUE)})`;
  // as an IN list too: a bare `rowid > (mark)` made the planner scan idx_tasks_created (4.8 s at 3M tasks) instead of the OR of lookups
  const above = sql`${rowid} IN (SELECT rowid FROM tasks WHERE rowid > ${sql.raw(TASK_FTS_MARK_SQL)})`;
  const candidates = sql`(${indexed} OR ${queued} OR ${above})`;
  return sql`(${candidates} AND ${scan})`;
}

/**
 * Whether the Tasks filter is cheap enough to run at every pause in typing: on a migrated file
 * (tasks_fts complete, and with it the tasks indexes the field filters use), with no text or text
 * the index serves. Otherwise (before `migrate`, where any filter reads every task, or one or two
 * characters of text) it waits for Enter.
 */
export function taskTextIsQuick(sqlite: Database.Database, text: string): boolean {
  const shape = currentShape(sqlite);
  return taskFtsReady(shape) && (text === '' || canUseTaskFts(shape, text));
}
