import type { DatabaseShape } from '../shape.js';
import { allOf, join, part, type SqlPart } from '../search/sql.js';
import { tagsReady, TAGS_TABLE, TAG_COUNTS_TABLE, tagArray } from '../search/tags.js';
import type { PromptSource } from './prompt-history-query.js';

// The statistics' SQL, exposed so the benchmark can run exactly this SQL bare (its floor).

const filtered = (source: PromptSource, extra: SqlPart[] = []): SqlPart => join([part(`FROM ${source.from} WHERE`), allOf([...source.where, ...extra])]);

/**
 * One pass for counts by status and category and every duration figure: on an unfiltered table
 * it reads only idx_prompt_history_stats, in its order, without sorting.
 */
export function statsGroupsSql(source: PromptSource): SqlPart {
  return join([
    part(`SELECT p.execution_status AS status, p.category AS category, count(*) AS count,
  sum(p.actual_duration_minutes) AS actualSum, count(p.actual_duration_minutes) AS actualCount,
  sum(CASE WHEN p.actual_duration_minutes IS NOT NULL THEN p.estimated_duration_minutes END) AS pairedEstimated,
  sum(CASE WHEN p.estimated_duration_minutes IS NOT NULL THEN p.actual_duration_minutes END) AS pairedActual,
  count(CASE WHEN p.estimated_duration_minutes IS NOT NULL AND p.actual_duration_minutes IS NOT NULL THEN 1 END) AS pairedCount`),
    filtered(source),
    part('GROUP BY p.execution_status, p.category'),
  ]);
}

/** Prompts per UTC day since `sinceIso`: a range of idx_prompt_history_timestamp. */
export function dailyCountsSql(source: PromptSource, sinceIso: string): SqlPart {
  return join([part('SELECT substr(p.timestamp, 1, 10) AS name, count(*) AS count'), filtered(source, [part('p.timestamp >= ?', sinceIso)]), part('GROUP BY name')]);
}

export function categoryCountsSql(source: PromptSource): SqlPart {
  return join([part('SELECT p.category AS name, count(*) AS count'), filtered(source), part('GROUP BY p.category ORDER BY count DESC, name')]);
}

/**
 * Prompts per tag, most used first. Unfiltered with the side table: its counts kept by triggers.
 * Otherwise through the filtered prompts, by the side table or json_each.
 */
export function tagCountsSql(shape: DatabaseShape, source: PromptSource, unfiltered: boolean, limit?: number): SqlPart {
  const tail = join([part('GROUP BY name ORDER BY count DESC, name'), limit !== undefined ? part('LIMIT ?', limit) : part('')]);
  if (tagsReady(shape) && unfiltered) {
    return join([part(`SELECT tag AS name, count FROM ${TAG_COUNTS_TABLE} WHERE count > 0 ORDER BY count DESC, name`), limit !== undefined ? part('LIMIT ?', limit) : part('')]);
  }
  if (tagsReady(shape)) {
    return join([part(`SELECT tc.tag AS name, count(*) AS count FROM ${source.from} JOIN ${TAGS_TABLE} tc ON tc.prompt_id = p.id WHERE`), allOf(source.where), tail]);
  }
  // A tags array may repeat an element: count each prompt once per tag, as the side table does.
  return join([part(`SELECT j.value AS name, count(DISTINCT p.id) AS count FROM ${source.from}, json_each(${tagArray('p.tags')}) j WHERE`), allOf([...source.where, part("j.type = 'text'")]), tail]);
}
