import { and, desc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import type { DB } from '../connection.js';
import { shapedTables } from '../tables.js';
import type { AuditLogRow } from '../types.js';
import { cleanCells, number, textOrNull } from '../cells.js';
import { userNameSql } from './user-names.js';
import { cleanTableRow } from './table-cells.js';

export interface StatusCount {
  status: string;
  count: number;
}

/** Tasks per status, largest first. */
export function tasksByStatus(db: DB): StatusCount[] {
  const t = shapedTables(db.$client).tasks;
  if (!t.exists) return [];
  const c = t.table;
  return db
    .select({ status: c.status, count: sql<number>`count(*)` })
    .from(c)
    .groupBy(c.status)
    .orderBy(desc(sql`count(*)`))
    .all()
    .map((r) => cleanCells(r, { status: 'text', count: 'number' }));
}

export interface RunningTask {
  id: string;
  botName: string;
  slackUserId: string;
  /** users.slack_username of slackUserId; null when no user has that id (show the id) */
  userName: string | null;
  command: string;
  projectName: string | null;
  updatedAt: string;
}

/** The running tasks, longest-running first. */
export function runningTasks(db: DB, limit: number): RunningTask[] {
  const { tasks: t, projects: p } = shapedTables(db.$client);
  if (!t.exists) return [];
  const c = t.table;
  return db
    .select({ id: c.id, botName: c.botName, slackUserId: c.slackUserId, userName: userNameSql(db, c.slackUserId), command: c.command, projectName: p.table.name, updatedAt: c.updatedAt })
    .from(c)
    .leftJoin(p.table, eq(p.table.id, c.projectId))
    .where(eq(c.status, 'running'))
    .orderBy(c.updatedAt)
    .limit(limit)
    .all()
    .map((r) => cleanCells(r, { id: 'text', botName: 'text', slackUserId: 'text', userName: 'text?', command: 'text', projectName: 'text?', updatedAt: 'time' }));
}

export interface Usage {
  tasks: number;
  inputTokens: number;
  outputTokens: number;
  cost: number;
}

/** Tokens and spend of the tasks created since an ISO time (the service's own text format), and before one if given. */
export function usageSince(db: DB, sinceIso: string, beforeIso?: string): Usage {
  const t = shapedTables(db.$client).tasks;
  const none = { tasks: 0, inputTokens: 0, outputTokens: 0, cost: 0 };
  if (!t.exists) return none;
  const c = t.table;
  const row = db
    .select({
      tasks: sql<number>`count(*)`,
      inputTokens: sql<number>`total(${c.inputTokens})`,
      outputTokens: sql<number>`total(${c.outputTokens})`,
      cost: sql<number>`total(${c.estimatedCost})`,
    })
    .from(c)
    .where(and(gte(c.createdAt, sinceIso), beforeIso === undefined ? undefined : lt(c.createdAt, beforeIso)))
    .get();
  return row ? { tasks: number(row.tasks), inputTokens: number(row.inputTokens), outputTokens: number(row.outputTokens), cost: number(row.cost) } : none;
}

export interface ScheduleAlert {
  id: string;
  taskType: string;
  command: string;
  userId: string;
  /** users.slack_username of userId; null when no user has that id (show the id) */
  userName: string | null;
  nextExecutionAt: string | null;
  status: string;
}

export interface ScheduleAlerts {
  /** false when the file has no scheduled_tasks table (older service builds) */
  present: boolean;
  dueCount: number;
  failedCount: number;
  due: ScheduleAlert[];
  failed: ScheduleAlert[];
}

/** Due (the service's definition: enabled, pending or active, next run not after now) and failed schedules. */
export function scheduleAlerts(db: DB, nowIso: string, limit: number): ScheduleAlerts {
  const t = shapedTables(db.$client).scheduledTasks;
  if (!t.exists) return { present: false, dueCount: 0, failedCount: 0, due: [], failed: [] };
  const c = t.table;
  const cols = { id: c.id, taskType: c.taskType, command: c.command, userId: c.userId, userName: userNameSql(db, c.userId), nextExecutionAt: c.nextExecutionAt, status: c.status };
  const due = and(eq(c.enabled, true), inArray(c.status, ['pending', 'active']), lte(c.nextExecutionAt, nowIso));
  const failed = eq(c.status, 'failed');
  const count = (w: ReturnType<typeof eq> | undefined) =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(c)
      .where(w)
      .get()?.n ?? 0;
  const alert = (r: Omit<ScheduleAlert, 'userName'> & { userName: unknown }): ScheduleAlert =>
    cleanCells(r, { id: 'text', taskType: 'text', command: 'text', userId: 'text', userName: 'text?', nextExecutionAt: 'time?', status: 'text' });
  return {
    present: true,
    dueCount: count(due),
    failedCount: count(failed),
    due: db.select(cols).from(c).where(due).orderBy(c.nextExecutionAt).limit(limit).all().map(alert),
    failed: db.select(cols).from(c).where(failed).orderBy(desc(c.updatedAt)).limit(limit).all().map(alert),
  };
}

/** An audit event with who acted by name (null: no user has that id, or none acted). */
export type RecentAuditEvent = AuditLogRow & { userName: string | null };

/** The latest audit events, newest first (by id: timestamps tie within a millisecond). */
export function recentAuditEvents(db: DB, limit: number): RecentAuditEvent[] {
  const t = shapedTables(db.$client).auditLogs;
  if (!t.exists) return [];
  return db
    .select({ row: t.table, userName: userNameSql(db, t.table.userId) })
    .from(t.table)
    .orderBy(desc(t.table.id))
    .limit(limit)
    .all()
    .map((r) => ({ ...cleanTableRow(t, r.row), userName: textOrNull(r.userName) }));
}
