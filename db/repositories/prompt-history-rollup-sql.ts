import type { DatabaseShape } from '../shape.js';
import { allOf, join, part, type SqlPart } from '../search/sql.js';
import { ROLLUP_TABLE, rollupReady } from '../search/rollup.js';
import type { PromptFilters } from './prompt-history-query.js';

// Statistics from the rollup kept by triggers: it knows status, category and day, so it answers
// for those filters in a few thousand rows; text and tag filters go through the prompts.

const present = (s: string | null | undefined): s is string => s !== undefined && s !== null && s !== '';

export const rollupServes = (shape: DatabaseShape, filters: PromptFilters): boolean => rollupReady(shape) && !present(filters.search) && !present(filters.tag);

const CATEGORY = "CASE WHEN substr(r.category, 1, 1) = '+' THEN substr(r.category, 2) END";

function where(filters: PromptFilters, extra: SqlPart[] = []): SqlPart {
  const parts = [...extra];
  if (present(filters.status)) parts.push(part('r.status = ?', filters.status));
  if (present(filters.category)) parts.push(part("r.category = '+' || ?", filters.category));
  else if (filters.category === null) parts.push(part("r.category = '-'")); // no category (db/search/rollup.ts)
  return join([part('WHERE'), allOf(parts)]);
}

export function rollupGroupsSql(filters: PromptFilters): SqlPart {
  return join([
    part(`SELECT r.status AS status, ${CATEGORY} AS category,
  sum(r.count) AS count, sum(r.actual_sum) AS actualSum, sum(r.actual_count) AS actualCount,
  sum(r.paired_estimated) AS pairedEstimated, sum(r.paired_actual) AS pairedActual, sum(r.paired_count) AS pairedCount
FROM ${ROLLUP_TABLE} r`),
    where(filters),
    part('GROUP BY r.status, r.category HAVING sum(r.count) > 0'),
  ]);
}

export function rollupDailySql(filters: PromptFilters, sinceIso: string): SqlPart {
  return join([
    part(`SELECT r.day AS name, sum(r.count) AS count FROM ${ROLLUP_TABLE} r`),
    where(filters, [part('r.day >= ?', sinceIso.slice(0, 10))]),
    part('GROUP BY r.day HAVING sum(r.count) > 0'),
  ]);
}

export function rollupCategoriesSql(filters: PromptFilters): SqlPart {
  return join([part(`SELECT ${CATEGORY} AS name, sum(r.count) AS count FROM ${ROLLUP_TABLE} r`), where(filters), part('GROUP BY r.category HAVING sum(r.count) > 0 ORDER BY count DESC, name')]);
}
