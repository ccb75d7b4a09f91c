import { eq, and, sql, type SQL } from 'drizzle-orm';
import type { DB } from '../connection.js';
import { shapedTables } from '../tables.js';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { type ListSource } from './keyset.js';
import { numberKey, offeredSorts, sortInForce, sortOrder, tableRows, textKey, type ListSort, type SortAsk, type SortKeys } from './sort.js';
import { userNameKey, userNameSql } from './user-names.js';
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
  /** the Slack id of whoever asked for the session's task (null when the task is gone) */
  slackUserId: string | null;
  /** users.slack_username of slackUserId; null when no user has that id */
  userName: string | null;
}

function sessionWhere(db: DB, f: SessionFilter): SQL | undefined {
  const c = shapedTables(db.$client).sessions.table;
  return and(f.status ? eq(c.status, f.status) : undefined, f.agent ? eq(c.agentId, f.agent) : undefined, f.model ? eq(c.model, f.model) : undefined);
}

const SESSION_CELLS = {
  id: 'text',
  taskId: 'text',
  agentId: 'text',
  model: 'text',
  status: 'text',
  inputTokens: 'number',
  outputTokens: 'number',
  estimatedCost: 'number',
  durationMs: 'number?',
  createdAt: 'time',
  slackUserId: 'text?',
  userName: 'text?',
} as const satisfies Record<keyof SessionListItem, CellKind>;

/** The Slack id of a session's task's requester: one seek on tasks' primary key per row. */
function taskUserSql(db: DB): SQL<unknown> {
  const { tasks, sessions } = shapedTables(db.$client);
  if (!tasks.exists) return sql<unknown>`NULL`;
  return sql<unknown>`(SELECT "slack_user_id" FROM "tasks" WHERE "tasks"."id" = ${sessions.table.taskId})`;
}

/** The columns the sessions list sorts by; only `created` has an index (idx_sessions_created) on a big table. */
function sessionSortKeys(db: DB, created: () => SQLiteColumn | SQL): SortKeys {
  const c = shapedTables(db.$client).sessions.table;
  return {
    created: { key: created, first: 'desc', indexed: true },
    status: { key: textKey(c.status), first: 'asc' },
    agent: { key: textKey(c.agentId), first: 'asc' },
    model: { key: textKey(c.model), first: 'asc' },
    user: { key: userNameKey(db, taskUserSql(db)), first: 'asc' },
    tokens: { key: sql`coalesce(${c.inputTokens}, 0) + coalesce(${c.outputTokens}, 0)`, first: 'desc' },
    cost: { key: numberKey(c.estimatedCost), first: 'desc' },
    took: { key: numberKey(c.durationMs), first: 'desc' },
    task: { key: textKey(c.taskId), first: 'asc' },
  };
}

export const SESSION_DEFAULT_SORT: ListSort = { by: 'created', direction: 'desc' };

/** All sessions, newest first by the instant of created_at, paged by (created_at, id); other sorts on a small table. */
export function sessionListSource(db: DB, filter: SessionFilter, asked?: SortAsk): ListSource<SessionListItem> {
  const t = shapedTables(db.$client).sessions;
  const where = sessionWhere(db, filter);
  const created = instantKey(db, t.name, t.table.createdAt, 'created_at', 'idx_sessions_created');
  const keys = sessionSortKeys(db, created);
  const sorts = offeredSorts(keys, tableRows(db, t.name, t.exists));
  const sort = sortInForce(keys, asked, sorts, SESSION_DEFAULT_SORT);
  const order = sortOrder(keys, sort, t.table.id);
  const taskUser = taskUserSql(db);
  return keysetSource({
    db,
    table: t,
    order,
    where,
    sorts,
    sort,
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
          slackUserId: taskUser,
          userName: userNameSql(db, taskUser),
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
