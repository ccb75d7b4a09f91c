import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DB } from '../connection.js';
import { shapedTables } from '../tables.js';
import { parseObject, type Parsed } from '../json.js';
import { ScheduledTaskRepository } from '../repositories/scheduled-tasks.js';
import type { ScheduledTaskRow } from '../types.js';
import { contains, type ListSource } from './keyset.js';
import { numberKey, offeredSorts, sortInForce, sortOrder, tableRows, textKey, timeKey, type ListSort, type SortAsk, type SortKeys } from './sort.js';
import { userNameKey } from './user-names.js';
import { FINISHED_STATUSES } from '../scheduling/kind.js';
import { keysetSource } from './keyset-source.js';
import { projectIdsNamed, startsWith } from './keyset.js';
import { cleanCells, textOrNull, type CellKind } from '../cells.js';
import { cleanRowOf } from './table-cells.js';

/** What the schedules list can be narrowed by (all optional, ANDed). */
export interface ScheduleFilter {
  readonly status?: readonly string[];
  /** a Slack user id, or a slack_username from users */
  readonly owner?: string;
  /** a project id, or part of a project name */
  readonly project?: string;
  /** a task type or its start (`recurring`) */
  readonly type?: string;
  /** literal text inside the prompt */
  readonly text?: string;
}

/** One line of the schedules list. */
export interface ScheduleListItem {
  id: string;
  taskType: string;
  userId: string;
  ownerName: string | null;
  projectId: string;
  projectName: string | null;
  status: string;
  enabled: boolean;
  isRecurring: boolean;
  cronExpression: string | null;
  timezone: string;
  scheduledFor: string;
  nextExecutionAt: string | null;
  executionCount: number;
  maxExecutions: number | null;
  expiresAt: string | null;
  createdAt: string;
  prompt: string;
}

const PROMPT_PREVIEW_CHARS = 120;

const SCHEDULE_CELLS = {
  id: 'text',
  taskType: 'text',
  userId: 'text',
  ownerName: 'text?',
  projectId: 'text',
  projectName: 'text?',
  status: 'text',
  enabled: 'bool',
  isRecurring: 'bool',
  cronExpression: 'text?',
  timezone: 'text',
  scheduledFor: 'time',
  nextExecutionAt: 'time?',
  executionCount: 'number',
  maxExecutions: 'number?',
  expiresAt: 'time?',
  createdAt: 'time',
  prompt: 'text',
} as const satisfies Record<keyof ScheduleListItem, CellKind>;

export const isEmptyScheduleFilter = (f: ScheduleFilter): boolean => !f.status?.length && !f.owner && !f.project && !f.type && !f.text;

/** The owner's username from users, when that table has one (a correlated lookup: users may repeat an id). */
function ownerNameSql(db: DB, userId: SQL | ReturnType<typeof sql>): SQL<string | null> {
  const u = shapedTables(db.$client).users;
  if (!u.exists || u.missing.has('slackUsername')) return sql<string | null>`NULL`;
  return sql<string | null>`(SELECT "slack_username" FROM "users" WHERE "slack_user_id" = ${userId} LIMIT 1)`;
}

function scheduleWhere(db: DB, f: ScheduleFilter): SQL | undefined {
  const { scheduledTasks: s, users: u } = shapedTables(db.$client);
  const c = s.table;
  const parts: (SQL | undefined)[] = [];
  if (f.status?.length) parts.push(inArray(c.status, [...f.status]));
  if (f.owner) {
    const byName = u.exists && !u.missing.has('slackUsername') ? sql`${c.userId} IN (SELECT "slack_user_id" FROM "users" WHERE "slack_username" = ${f.owner})` : undefined;
    parts.push(or(eq(c.userId, f.owner), byName));
  }
  if (f.project) {
    parts.push(or(eq(c.projectId, f.project), sql`${c.projectId} IN (${projectIdsNamed(f.project)})`));
  }
  if (f.type) parts.push(startsWith(c.taskType, f.type));
  if (f.text) parts.push(contains(c.prompt, f.text));
  return and(...parts);
}

/** The columns the schedules list sorts by (a few rows per project: any of them is cheap). */
function scheduleSortKeys(db: DB): SortKeys {
  const { scheduledTasks: s, projects: p } = shapedTables(db.$client);
  const c = s.table;
  const q = (column: string): string => `"scheduled_tasks"."${column}"`;
  const projectName = p.exists ? sql`(SELECT "name" FROM "projects" WHERE "projects"."id" = ${c.projectId})` : sql`NULL`;
  return {
    // soonest first; finished ones (no next run, whatever next_execution_at the service left: kind.ts) after every time
    next: { key: sql`(CASE WHEN ${inArray(c.status, [...FINISHED_STATUSES])} THEN '~' ELSE ${timeKey(q('next_execution_at'), '~')} END)`, first: 'asc', indexed: true },
    type: { key: textKey(c.taskType), first: 'asc' },
    owner: { key: userNameKey(db, c.userId), first: 'asc' },
    project: { key: sql`coalesce(${projectName}, ${c.projectId}, '')`, first: 'asc' },
    status: { key: textKey(c.status), first: 'asc' },
    on: { key: numberKey(c.enabled), first: 'desc' },
    runs: { key: numberKey(c.executionCount), first: 'desc' },
    expires: { key: s.missing.has('expiresAt') ? sql`'~'` : timeKey(q('expires_at'), '~'), first: 'asc' },
    created: { key: timeKey(q('created_at')), first: 'desc' },
    prompt: { key: textKey(sql`substr(${c.prompt}, 1, ${PROMPT_PREVIEW_CHARS})`), first: 'asc' },
  };
}

/** Soonest next run first: what happens next is what an operator looks for. */
export const SCHEDULE_DEFAULT_SORT: ListSort = { by: 'next', direction: 'asc' };

/**
 * Sorted by next run (NULL for finished ones: after the rest), or any other column, paged by
 * (value, id). A big table (past CHEAP_SORT_ROWS) keeps the next-run order only.
 */
export function scheduleListSource(db: DB, filter: ScheduleFilter, asked?: SortAsk): ListSource<ScheduleListItem> {
  const { scheduledTasks: s, projects: p } = shapedTables(db.$client);
  const where = scheduleWhere(db, filter);
  const keys = scheduleSortKeys(db);
  const sorts = offeredSorts(keys, tableRows(db, s.name, s.exists));
  const sort = sortInForce(keys, asked, sorts, SCHEDULE_DEFAULT_SORT);
  const order = sortOrder(keys, sort, s.table.id);
  const col = <K extends keyof typeof s.table.$inferSelect>(key: K, fallback: SQL) => (s.missing.has(key) ? fallback : s.table[key]);
  return keysetSource({
    db,
    table: s,
    order,
    where,
    sorts,
    sort,
    read: (k, limit, o) => {
      const c = s.table;
      const rows = db
        .select({
          id: c.id,
          taskType: c.taskType,
          userId: c.userId,
          ownerName: ownerNameSql(db, sql`${c.userId}`),
          projectId: c.projectId,
          projectName: p.exists ? p.table.name : sql<string | null>`NULL`,
          status: c.status,
          enabled: c.enabled,
          isRecurring: c.isRecurring,
          cronExpression: c.cronExpression,
          timezone: c.timezone,
          scheduledFor: c.scheduledFor,
          nextExecutionAt: c.nextExecutionAt,
          executionCount: c.executionCount,
          maxExecutions: c.maxExecutions,
          expiresAt: col('expiresAt', sql`NULL`),
          createdAt: c.createdAt,
          prompt: sql<unknown>`substr(${c.prompt}, 1, ${PROMPT_PREVIEW_CHARS})`,
          sortKey: sql<string | number>`${o.key}`,
        })
        .from(c)
        .leftJoin(p.table, eq(p.table.id, c.projectId))
        .where(k.where)
        .orderBy(...k.orderBy)
        .limit(limit)
        .all();
      return rows.map(({ sortKey, ...r }) => ({ item: cleanCells(r, SCHEDULE_CELLS) as ScheduleListItem, cursor: { key: sortKey, id: r.id } }));
    },
    unfiltered: isEmptyScheduleFilter(filter),
  });
}

export interface ScheduleDetail {
  schedule: ScheduledTaskRow;
  projectName: string | null;
  ownerName: string | null;
  /** metadata as an object, or the raw text when malformed */
  metadata: Parsed<Record<string, unknown>>;
}

/** Everything the schedule detail shows; undefined when the schedule is gone. */
export function scheduleDetail(db: DB, id: string): ScheduleDetail | undefined {
  const schedule = cleanRowOf(db, 'scheduledTasks', new ScheduledTaskRepository(db).findById(id));
  if (!schedule) return undefined;
  const { projects: p } = shapedTables(db.$client);
  const project = p.exists ? db.select({ name: p.table.name }).from(p.table).where(eq(p.table.id, schedule.projectId)).get() : undefined;
  const owner = db.get<{ name: string | null }>(sql`SELECT ${ownerNameSql(db, sql`${schedule.userId}`)} AS name`);
  return { schedule, projectName: textOrNull(project?.name), ownerName: textOrNull(owner?.name), metadata: parseObject(schedule.metadata) };
}

/** The projects a new schedule can belong to, by name (few: one per Slack channel). */
export function scheduleProjectChoices(db: DB): { id: string; name: string }[] {
  const p = shapedTables(db.$client).projects;
  if (!p.exists) return [];
  return db
    .select({ id: p.table.id, name: p.table.name })
    .from(p.table)
    .orderBy(p.table.name, p.table.id)
    .all()
    .map((r) => cleanCells(r, { id: 'text', name: 'text' }));
}

/** What the schedule form opens with: the projects to choose from and, to edit, the schedule. */
export interface ScheduleFormData {
  projects: { id: string; name: string }[];
  schedule: ScheduledTaskRow | null;
}

/** undefined when the schedule to edit is gone. */
export function scheduleFormData(db: DB, id?: string): ScheduleFormData | undefined {
  const schedule = id ? cleanRowOf(db, 'scheduledTasks', new ScheduledTaskRepository(db).findById(id)) : undefined;
  if (id && !schedule) return undefined;
  return { projects: scheduleProjectChoices(db), schedule: schedule ?? null };
}
