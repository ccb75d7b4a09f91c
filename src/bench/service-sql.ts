import type { CapturedStatement } from './bare-job.js';

// The service's data layer as COMPAT.md describes it: no indexes of the console (NOT INDEXED),
// six count queries for stats, LIKE without ESCAPE, tags parsed in JavaScript, OFFSET paging.

const stmt = (sql: string, params: unknown[] = [], method: CapturedStatement['method'] = 'all'): CapturedStatement => ({ sql, params, method, mode: 'plain' });

const PROMPTS = 'prompt_history NOT INDEXED';

/** findAll with the service's filters: LIKE '%q%' (no ESCAPE), newest first by timestamp, a page of 20. */
export function serviceHistoryList(f: { search?: string; tag?: string }, limit = 20): CapturedStatement[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.search !== undefined) {
    where.push('(prompt LIKE ? OR context LIKE ?)');
    params.push(`%${f.search}%`, `%${f.search}%`);
  }
  if (f.tag !== undefined) {
    where.push('tags LIKE ?');
    params.push(`%"${f.tag}"%`);
  }
  const w = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  return [stmt(`SELECT * FROM ${PROMPTS}${w} ORDER BY timestamp DESC LIMIT ?`, [...params, limit])];
}

/** getStats: six queries, one per figure. */
export const serviceStats = (): CapturedStatement[] => [
  stmt(`SELECT count(*) AS n FROM ${PROMPTS}`, [], 'get'),
  ...['completed', 'pending', 'failed', 'cancelled'].map((s) => stmt(`SELECT count(*) AS n FROM ${PROMPTS} WHERE execution_status = ?`, [s], 'get')),
  stmt(`SELECT avg(actual_duration_minutes) AS a FROM ${PROMPTS} WHERE execution_status = 'completed' AND actual_duration_minutes IS NOT NULL`, [], 'get'),
];

/** getTags: every row's tags read, to be parsed in JavaScript (the job's post step). */
export const serviceTags = (): CapturedStatement[] => [stmt(`SELECT tags FROM ${PROMPTS}`)];

export const serviceCategories = (): CapturedStatement[] => [stmt(`SELECT DISTINCT category FROM ${PROMPTS} WHERE category IS NOT NULL`)];

const UNINDEXED = ['tasks', 'sessions', 'audit_logs'];

/** The console's own statement on a file without the console's indexes: what the service's file offers. */
export function withoutIndexes(s: CapturedStatement): CapturedStatement {
  let sql = s.sql;
  for (const t of UNINDEXED) {
    // a console statement that names its index (the time-order check's slices) reads the table unindexed there
    sql = sql.replace(new RegExp(`(from|join) "${t}" INDEXED BY "[^"]+"`, 'gi'), `$1 "${t}" NOT INDEXED`);
    sql = sql.replace(new RegExp(`(from|join) "${t}"(?! NOT INDEXED)`, 'gi'), `$1 "${t}" NOT INDEXED`);
  }
  return { ...s, sql };
}

/** A first-page statement turned into the service's OFFSET page at `offset`. */
export function offsetPage(first: CapturedStatement, offset: number): CapturedStatement {
  const s = withoutIndexes(first);
  return { ...s, sql: `${s.sql} offset ?`, params: [...s.params, offset] };
}
