import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DB } from '../connection.js';
import { shapedTables } from '../tables.js';
import { UserRepository } from '../repositories/users.js';
import { parseStringArray, type Parsed } from '../json.js';
import type { UserRow } from '../types.js';
import { contains, type ListSource } from './keyset.js';
import { numberKey, offeredSorts, sortInForce, sortOrder, tableRows, textKey, type ListSort, type SortAsk, type SortKeys } from './sort.js';
import { keysetSource } from './keyset-source.js';
import { cleanCells, number } from '../cells.js';
import { cleanTableRow, cleanRowOf } from './table-cells.js';

export interface UserFilter {
  readonly role?: string;
  readonly active?: boolean;
  /** part of the Slack username or id */
  readonly text?: string;
}

function userWhere(db: DB, f: UserFilter): SQL | undefined {
  const c = shapedTables(db.$client).users.table;
  return and(
    f.role ? eq(c.role, f.role) : undefined,
    f.active === undefined ? undefined : eq(c.active, f.active),
    f.text ? or(contains(c.slackUsername, f.text), contains(c.slackUserId, f.text)) : undefined,
  );
}

/** The columns the users list sorts by (a small table: any of them). */
function userSortKeys(db: DB): SortKeys {
  const c = shapedTables(db.$client).users.table;
  return {
    user: { key: textKey(c.slackUsername), first: 'asc', indexed: true },
    id: { key: textKey(c.slackUserId), first: 'asc' },
    role: { key: textKey(c.role), first: 'asc' },
    active: { key: numberKey(c.active), first: 'desc' },
    limit: { key: numberKey(c.rateLimitOverride), first: 'desc' },
  };
}

export const USER_DEFAULT_SORT: ListSort = { by: 'user', direction: 'asc' };

/** Users by Slack username (or another column), paged by (value, id). */
export function userListSource(db: DB, filter: UserFilter, asked?: SortAsk): ListSource<UserRow> {
  const t = shapedTables(db.$client).users;
  const c = t.table;
  const where = userWhere(db, filter);
  const keys = userSortKeys(db);
  const sorts = offeredSorts(keys, tableRows(db, t.name, t.exists));
  const sort = sortInForce(keys, asked, sorts, USER_DEFAULT_SORT);
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
    unfiltered: !filter.role && filter.active === undefined && !filter.text,
  });
}

export interface UserTaskCounts {
  total: number;
  running: number;
}

/** Tasks per Slack user id for some users (the visible page): one grouped query. */
export function userTaskCounts(db: DB, slackUserIds: readonly string[]): Map<string, UserTaskCounts> {
  const t = shapedTables(db.$client).tasks;
  const out = new Map<string, UserTaskCounts>();
  if (!t.exists || slackUserIds.length === 0) return out;
  const c = t.table;
  const rows = db
    .select({ user: c.slackUserId, total: sql<number>`count(*)`, running: sql<number | null>`sum(${c.status} = 'running')` })
    .from(c)
    .where(inArray(c.slackUserId, [...slackUserIds]))
    .groupBy(c.slackUserId)
    .all();
  for (const r of rows) out.set(String(r.user), { total: number(r.total), running: number(r.running ?? 0) });
  return out;
}

export interface UserTaskRef {
  id: string;
  status: string;
  command: string;
  prompt: string;
  createdAt: string;
}

/** One project's permissions of a user: the JSON list parsed, or the raw text when malformed. */
export interface UserPermissionLine {
  projectId: string;
  projectName: string | null;
  permissions: Parsed<string[]>;
}

/** Permissions per project for some users (the visible page): one query joined to the project names. */
export function userPermissions(db: DB, userIds: readonly string[]): Map<string, UserPermissionLine[]> {
  const { userProjectPermissions: u, projects: p } = shapedTables(db.$client);
  const out = new Map<string, UserPermissionLine[]>();
  if (!u.exists || userIds.length === 0) return out;
  const rows = db
    .select({ userId: u.table.userId, projectId: u.table.projectId, permissions: u.table.permissions, projectName: p.table.name })
    .from(u.table)
    .leftJoin(p.table, eq(p.table.id, u.table.projectId))
    .where(inArray(u.table.userId, [...userIds]))
    .orderBy(asc(u.table.userId), asc(u.table.projectId), asc(u.table.id))
    .all();
  for (const r of rows) {
    const c = cleanCells(r, { userId: 'text', projectId: 'text', projectName: 'text?' });
    const line = { projectId: c.projectId, projectName: c.projectName, permissions: parseStringArray(r.permissions) };
    out.set(String(r.userId), [...(out.get(String(r.userId)) ?? []), line]);
  }
  return out;
}

/** What the users list shows beside each row, read for the visible page after the frame. */
export interface UserPageExtras {
  counts: Map<string, UserTaskCounts>;
  permissions: Map<string, UserPermissionLine[]>;
}

export const userPageExtras = (db: DB, users: readonly Pick<UserRow, 'id' | 'slackUserId'>[]): UserPageExtras => ({
  counts: userTaskCounts(
    db,
    users.map((u) => u.slackUserId),
  ),
  permissions: userPermissions(
    db,
    users.map((u) => u.id),
  ),
});

export interface UserDetail {
  user: UserRow;
  permissions: UserPermissionLine[];
  recentTasks: UserTaskRef[];
  /** this user is the only active admin: demoting or deactivating is refused */
  lastActiveAdmin: boolean;
}

export const RECENT_TASKS = 10;

function recentTasks(db: DB, slackUserId: string): UserTaskRef[] {
  const t = shapedTables(db.$client).tasks;
  if (!t.exists) return [];
  const c = t.table;
  return db
    .select({ id: c.id, status: c.status, command: c.command, prompt: sql<unknown>`substr(${c.prompt}, 1, 160)`, createdAt: c.createdAt })
    .from(c)
    .where(eq(c.slackUserId, slackUserId))
    .orderBy(desc(c.createdAt), desc(c.id))
    .limit(RECENT_TASKS)
    .all()
    .map((r) => cleanCells(r, { id: 'text', status: 'text', command: 'text', prompt: 'text', createdAt: 'time' }));
}

/**
 * One user with permissions per project and recent tasks (index seeks, read as the detail opens);
 * undefined when gone. The task counts read every task of the user: userDetailCounts, apart.
 */
export function userDetail(db: DB, id: string): UserDetail | undefined {
  const users = new UserRepository(db);
  const user = cleanRowOf(db, 'users', users.findById(id));
  if (!user) return undefined;
  return {
    user,
    permissions: userPermissions(db, [id]).get(id) ?? [],
    recentTasks: recentTasks(db, user.slackUserId),
    lastActiveAdmin: isLastActiveAdmin(db, user),
  };
}

/** Task counts of one user (every task of the user is read: after the detail's first frame). */
export function userDetailCounts(db: DB, slackUserId: string): UserTaskCounts {
  return userTaskCounts(db, [slackUserId]).get(slackUserId) ?? { total: 0, running: 0 };
}

/** Whether demoting or deactivating this user would leave no active admin (the actions refuse it too). */
export function isLastActiveAdmin(db: DB, user: Pick<UserRow, 'role' | 'active'>): boolean {
  return user.role === 'admin' && user.active && new UserRepository(db).countActiveAdmins() <= 1;
}
