import { eq, inArray, sql } from 'drizzle-orm';
import type { DB } from '../connection.js';
import { shapedTables } from '../tables.js';
import type { ProjectRow } from '../types.js';
import { contains, type ListSource, type KeysetOrder } from './keyset.js';
import { keysetSource } from './keyset-source.js';
import { number } from '../cells.js';
import { cleanTableRow } from './table-cells.js';

export interface ProjectFilter {
  /** part of the name */
  readonly text?: string;
  readonly agent?: string;
}

/** Projects by name, paged by (name, id) like every other list. */
export function projectListSource(db: DB, filter: ProjectFilter): ListSource<ProjectRow> {
  const t = shapedTables(db.$client).projects;
  const c = t.table;
  const where = filter.text ? contains(c.name, filter.text) : filter.agent ? eq(c.agentId, filter.agent) : undefined;
  const order: KeysetOrder = { key: c.name, id: c.id, direction: 'asc' };
  return keysetSource({
    db,
    table: t,
    order,
    where,
    read: (k, limit) => {
      const rows = db.select().from(c).where(k.where).orderBy(...k.orderBy).limit(limit).all();
      return rows.map((r) => ({ item: cleanTableRow(t, r), cursor: { key: r.name, id: r.id } }));
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
