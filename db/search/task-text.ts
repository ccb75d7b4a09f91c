import { or, sql, type SQL } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { ShapedTable } from '../tables.js';
import { currentShape } from '../tables.js';
import { ftsMatchFor } from './trigrams.js';
import { foldCase, registerFold } from './fold.js';
import { foldedMatch } from './folded-sql.js';
import { canUseTaskFts, TASK_FTS_TABLE } from './task-fts.js';

/** The columns the Tasks text filter reads (and tasks_fts indexes), those the file has. */
function textColumns(t: ShapedTable<'tasks'>) {
  const c = t.table;
  return [c.prompt, ...(t.missing.has('result') ? [] : [c.result]), ...(t.missing.has('errorMessage') ? [] : [c.errorMessage])];
}

/** Literal text, in any case (all of Unicode), in the task's prompt, result or error: read row by row. */
export const scanTaskText = (t: ShapedTable<'tasks'>, text: string): SQL => or(...textColumns(t).map((c) => foldedMatch(c, 'contains', text)))!;

/**
 * The same rows, found through tasks_fts when it is complete and the query suits a trigram index
 * (3 characters or more, see fts.ts): its candidates (a few selective trigrams, trigrams.ts) are
 * re-checked by the scanning predicate, so both paths return exactly the same rows. A filter that
 * matches nothing then costs a few doclist reads instead of a pass over every task.
 */
export function taskTextMatch(sqlite: Database.Database, t: ShapedTable<'tasks'>, text: string): SQL {
  registerFold(sqlite);
  const scan = scanTaskText(t, text);
  if (!canUseTaskFts(currentShape(sqlite), text)) return scan;
  const rowid = sql.raw(`"${t.name}"."rowid"`);
  const candidates = sql`${rowid} IN (SELECT rowid FROM ${sql.raw(TASK_FTS_TABLE)} WHERE ${sql.raw(TASK_FTS_TABLE)} MATCH ${ftsMatchFor(foldCase(text))})`;
  return sql`(${candidates} AND ${scan})`;
}

/**
 * Whether the Tasks text filter for `text` is cheap enough to run at every pause in typing: no
 * text, or text the complete index serves. Otherwise (before `migrate`, or one or two
 * characters) it scans every task, and waits for Enter.
 */
export const taskTextIsQuick = (sqlite: Database.Database, text: string): boolean =>
  text === '' || canUseTaskFts(currentShape(sqlite), text);
