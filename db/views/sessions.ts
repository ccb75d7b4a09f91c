import { eq, and, sql, type SQL } from 'drizzle-orm';
import type { DB } from '../connection.js';
import { shapedTables } from '../tables.js';
import { type ListSource, type KeysetOrder } from './keyset.js';
import { keysetSource } from './keyset-source.js';
import { instantKey } from './time-order.js';
import { cleanCells, type CellKind } from '../cells.js';
import { SessionRepository } from '../repositories/sessions.js';
import type { SessionRow } from '../types.js';
import { cleanRowOf } from './table-cells.js';

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

const SESSION_CELLS = {
  id: 'text', taskId: 'text', agentId: 'text', model: 'text', status: 'text', inputTokens: 'number',
  outputTokens: 'number', estimatedCost: 'number', durationMs: 'number?', createdAt: 'time',
} as const satisfies Record<keyof SessionListItem, CellKind>;

/** All sessions, newest first by the instant of created_at, paged by (created_at, id). */
export function sessionListSource(db: DB, filter: SessionFilter): ListSource<SessionListItem> {
  const t = shapedTables(db.$client).sessions;
  const where = sessionWhere(db, filter);
  const key = instantKey(db, t.name, t.table.createdAt, 'created_at', 'idx_sessions_created');
  const order = (): KeysetOrder => ({ key: key(), id: t.table.id, direction: 'desc' });
  return keysetSource({
    db,
    table: t,
    order,
    where,
    read: (k, limit, o) => {
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
          sortKey: sql<string | number>`${o.key}`,
        })
        .from(c)
        .where(k.where)
        .orderBy(...k.orderBy)
        .limit(limit)
        .all();
      return rows.map(({ sortKey, ...r }) => ({ item: cleanCells(r, SESSION_CELLS), cursor: { key: sortKey, id: r.id } }));
    },
    unfiltered: !filter.status && !filter.agent && !filter.model,
  });
}

/** One session in full, its cells made to their types; undefined when it is gone. */
export function sessionDetail(db: DB, id: string): SessionRow | undefined {
  return cleanRowOf(db, 'sessions', new SessionRepository(db).findById(id));
}
