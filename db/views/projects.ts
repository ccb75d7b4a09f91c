import { eq, inArray, sql } from 'drizzle-orm';
import type { DB } from '../connection.js';
import { shapedTables } from '../tables.js';
import type { ProjectRow } from '../types.js';
import { contains, type ListSource } from './keyset.js';
import { numberKey, offeredSorts, sortInForce, sortOrder, tableRows, textKey, type ListSort, type SortAsk, type SortKeys } from './sort.js';
import { keysetSource } from './keyset-source.js';
import { number } from '../cells.js';
import { cleanTableRow } from './table-cells.js';

export interface ProjectFilter {
  /** part of the name */
  readonly text?: string;
  readonly agent?: string;
}

/** The columns the projects list sorts by (one project per Slack channel: any of them). */
function projectSortKeys(db: DB): SortKeys {
  const c = shapedTables(db.$client).projects.table;
  return {
    name: { key: textKey(c.name), first: 'asc', indexed: true },
    agent: { key: textKey(c.agentId), first: 'asc' },
    model: { key: textKey(c.defaultModel), first: 'asc' },
    budget: { key: numberKey(c.defaultMaxBudget), first: 'desc' },
    active: { key: numberKey(c.active), first: 'desc' },
  };
}

export const PROJECT_DEFAULT_SORT: ListSort = { by: 'name', direction: 'asc' };

/** Projects by name (or another column), paged by (value, id) like every other list. */
export function projectListSource(db: DB, filter: ProjectFilter, asked?: SortAsk): ListSource<ProjectRow> {
  const t = shapedTables(db.$client).projects;
  const c = t.table;
  const where = filter.text ? contains(c.name, filter.text) : filter.agent ? eq(c.agentId, filter.agent) : undefined;
  const keys = projectSortKeys(db);
  const sorts = offeredSorts(keys, tableRows(db, t.name, t.exists));
  const sort = sortInForce(keys, asked, sorts, PROJECT_DEFAULT_SORT);
  return keysetSource({
    db,
    table: t,
    order: sortOrder(keys, sort, c.id),
    where,
    sorts,
    sort,
    read: (k, limit, o) => {
      const rows = db
        .select({ row: c, sortKey: sql<string | number>`${o.key}` })
        .from(c)
        .where(k.where)
        .orderBy(...k.orderBy)
        .limit(limit)
        .all();
      return rows.map(({ row, sortKey }) => ({ item: cleanTableRow(t, row), cursor: { key: sortKey, id: row.id } }));
    },
    unfiltered: !filter.text && !filter.agent,
  });
}

/** Task counts and spend of some projects (the visible ones): one grouped query. */
export interface ProjectTaskStats {
  total: number;
  active: number;
  failed: number;
  cost: number;
}

export function projectTaskStats(db: DB, projectIds: readonly string[]): Map<string, ProjectTaskStats> {
  const t = shapedTables(db.$client).tasks;
  const out = new Map<string, ProjectTaskStats>();
  if (!t.exists || projectIds.length === 0) return out;
  const c = t.table;
  const rows = db
    .select({
      projectId: c.projectId,
      total: sql<number>`count(*)`,
      active: sql<number>`sum(${c.status} IN ('pending','queued','running'))`,
      failed: sql<number>`sum(${c.status} = 'failed')`,
      cost: sql<number>`total(${c.estimatedCost})`,
    })
    .from(c)
    .where(inArray(c.projectId, [...projectIds]))
    .groupBy(c.projectId)
    .all();
  for (const r of rows) out.set(String(r.projectId), { total: number(r.total), active: number(r.active ?? 0), failed: number(r.failed ?? 0), cost: number(r.cost) });
  return out;
}
