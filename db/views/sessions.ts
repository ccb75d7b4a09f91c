import { eq, and, type SQL } from 'drizzle-orm';
import type { DB } from '../connection.js';
import { shapedTables } from '../tables.js';
import { type ListSource, type KeysetOrder } from './keyset.js';
import { keysetSource } from './keyset-source.js';

export interface SessionFilter {
  readonly status?: string;
  readonly agent?: string;
  readonly model?: string;
}

export interface SessionListItem {
  id: string;
  taskId: string;
  agentId: string;
  model: string;
  status: string;
  inputTokens: number;
  outputTokens: number;
  estimatedCost: number;
  durationMs: number | null;
  createdAt: string;
}

function sessionWhere(db: DB, f: SessionFilter): SQL | undefined {
  const c = shapedTables(db.$client).sessions.table;
  return and(
    f.status ? eq(c.status, f.status) : undefined,
    f.agent ? eq(c.agentId, f.agent) : undefined,
    f.model ? eq(c.model, f.model) : undefined,
  );
}

/** All sessions, newest first, paged by (created_at, id). */
export function sessionListSource(db: DB, filter: SessionFilter): ListSource<SessionListItem> {
  const t = shapedTables(db.$client).sessions;
  const where = sessionWhere(db, filter);
  const order: KeysetOrder = { key: t.table.createdAt, id: t.table.id, direction: 'desc' };
  return keysetSource({
    db,
    table: t,
    order,
    where,
    read: (k, limit) => {
      const c = t.table;
      const rows = db
        .select({
          id: c.id,
          taskId: c.taskId,
          agentId: c.agentId,
          model: c.model,
          status: c.status,
          inputTokens: c.inputTokens,
          outputTokens: c.outputTokens,
          estimatedCost: c.estimatedCost,
          durationMs: c.durationMs,
          createdAt: c.createdAt,
        })
        .from(c)
        .where(k.where)
        .orderBy(...k.orderBy)
        .limit(limit)
        .all();
      return rows;
    },
    cursorOf: (r) => ({ key: r.createdAt, id: r.id }),
    unfiltered: !filter.status && !filter.agent && !filter.model,
  });
}
