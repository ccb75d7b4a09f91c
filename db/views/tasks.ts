import { eq, inArray, and, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { DB } from '../connection.js';
import { shapedTables } from '../tables.js';
import type { ListSource } from './keyset.js';
import { numberKey, offeredSorts, sortInForce, sortOrder, tableRows, textKey, type ListSort, type SortAsk, type SortKeys } from './sort.js';
import { userNameKey, userNameSql } from './user-names.js';
import { keysetSource } from './keyset-source.js';
import { projectIdsNamed } from './keyset.js';
import { taskTextMatch } from '../search/task-text.js';
import { instantKey } from './time-order.js';
import { cleanCells, type CellKind } from '../cells.js';

/** What the tasks list can be narrowed by (all optional, ANDed). */
export interface TaskFilter {
  readonly status?: readonly string[];
  /** a project id, or part of a project name */
  readonly project?: string;
  readonly bot?: string;
  /** a Slack user id, or a slack_username from users */
  readonly user?: string;
  /** literal text, in any case, inside the prompt, result or error (tasks_fts when migrated) */
  readonly text?: string;
}

/** One line of the tasks list: no long text, the prompt cut to its start. */
export interface TaskListItem {
  id: string;
  createdAt: string;
  status: string;
  projectId: string;
  projectName: string | null;
  botName: string;
  command: string;
  slackUserId: string;
  /** users.slack_username of slackUserId; null when no user has that id */
  userName: string | null;
  prompt: string;
  estimatedCost: number;
  maxBudget: number;
}

export const PROMPT_PREVIEW_CHARS = 160;

export const isEmptyTaskFilter = (f: TaskFilter): boolean => !f.status?.length && !f.project && !f.bot && !f.user && !f.text;

function taskWhere(db: DB, f: TaskFilter): SQL | undefined {
  const { tasks: t, users: u } = shapedTables(db.$client);
  const c = t.table;
  const parts: (SQL | undefined)[] = [];
  if (f.status?.length) parts.push(inArray(c.status, [...f.status]));
  if (f.project) {
    parts.push(or(eq(c.projectId, f.project), sql`${c.projectId} IN (${projectIdsNamed(f.project)})`));
  }
  if (f.bot) parts.push(eq(c.botName, f.bot));
  if (f.user) {
    const byName = u.exists ? sql`${c.slackUserId} IN (SELECT "slack_user_id" FROM "users" WHERE "slack_username" = ${f.user})` : undefined;
    parts.push(or(eq(c.slackUserId, f.user), byName));
  }
  if (f.text) parts.push(taskTextMatch(db.$client, t, f.text));
  return and(...parts);
}

const TASK_CELLS = {
  id: 'text',
  createdAt: 'time',
  status: 'text',
  projectId: 'text',
  projectName: 'text?',
  botName: 'text',
  command: 'text',
  slackUserId: 'text',
  userName: 'text?',
  prompt: 'text',
  estimatedCost: 'number',
  maxBudget: 'number',
} as const satisfies Record<keyof TaskListItem, CellKind>;

/** The columns the tasks list sorts by; only `created` has an index (idx_tasks_created) on a big table. */
function taskSortKeys(db: DB, key: () => SQLiteColumn | SQL): SortKeys {
  const { tasks: t, projects: p } = shapedTables(db.$client);
  const c = t.table;
  return {
    created: { key, first: 'desc', indexed: true },
    status: { key: textKey(c.status), first: 'asc' },
    project: { key: sql`coalesce(${p.table.name}, ${c.projectId}, '')`, first: 'asc' },
    bot: { key: textKey(c.botName), first: 'asc' },
    user: { key: userNameKey(db, c.slackUserId), first: 'asc' },
    cost: { key: numberKey(c.estimatedCost), first: 'desc' },
    prompt: { key: sql`coalesce(${c.command}, '') || ': ' || coalesce(substr(${c.prompt}, 1, ${PROMPT_PREVIEW_CHARS}), '')`, first: 'asc' },
  };
}

export const TASK_DEFAULT_SORT: ListSort = { by: 'created', direction: 'desc' };

/**
 * Newest first by the instant of created_at (db/views/time-order.ts), paged by (created_at, id) in
 * both directions; or by another column as (value, id) when the table is small enough to sort (sort.ts).
 */
export function taskListSource(db: DB, filter: TaskFilter, asked?: SortAsk): ListSource<TaskListItem> {
  const { tasks: t, projects: p } = shapedTables(db.$client);
  const where = taskWhere(db, filter);
  const created = instantKey(db, t.name, t.table.createdAt, 'created_at', 'idx_tasks_created');
  const keys = taskSortKeys(db, created);
  const sorts = offeredSorts(keys, tableRows(db, t.name, t.exists));
  const sort = sortInForce(keys, asked, sorts, TASK_DEFAULT_SORT);
  const order = sortOrder(keys, sort, t.table.id);
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
          createdAt: c.createdAt,
          status: c.status,
          projectId: c.projectId,
          projectName: p.table.name,
          botName: c.botName,
          command: c.command,
          slackUserId: c.slackUserId,
          userName: userNameSql(db, c.slackUserId),
          prompt: sql<string>`substr(${c.prompt}, 1, ${PROMPT_PREVIEW_CHARS})`,
          estimatedCost: c.estimatedCost,
          maxBudget: t.missing.has('maxBudget') ? sql<number>`5.0` : c.maxBudget,
          sortKey: sql<string | number>`${o.key}`,
        })
        .from(c)
        .leftJoin(p.table, eq(p.table.id, c.projectId))
        .where(k.where)
        .orderBy(...k.orderBy)
        .limit(limit)
        .all();
      return rows.map(({ sortKey, ...r }) => ({ item: cleanCells(r, TASK_CELLS) as TaskListItem, cursor: { key: sortKey, id: r.id } }));
    },
    unfiltered: isEmptyTaskFilter(filter),
  });
}
