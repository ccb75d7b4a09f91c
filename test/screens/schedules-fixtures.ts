import type Database from 'better-sqlite3';
import type { Connection } from '../../db/connection.js';

let n = 0;
const HOUR = 3_600_000;

/** An ISO time `hours` from now, as the service writes it. */
export const hoursFromNow = (hours: number): string => new Date(Date.now() + hours * HOUR).toISOString();

export interface ScheduleSeed {
  id?: string;
  projectId: string;
  userId?: string;
  taskType?: string;
  botName?: string;
  command?: string;
  prompt?: string;
  status?: string;
  enabled?: boolean;
  cron?: string | null;
  timezone?: string;
  scheduledFor?: string;
  nextExecutionAt?: string | null;
  executionCount?: number;
  maxExecutions?: number | null;
  expiresAt?: string | null;
  metadata?: string;
  createdAt?: string;
}

/** A scheduled_tasks row written as the service writes it (column list, ISO times, 0/1 booleans). */
export function seedSchedule(sqlite: Database.Database, s: ScheduleSeed): string {
  const id = s.id ?? `sched${String(++n).padStart(16, '0')}`;
  const next = s.nextExecutionAt === undefined ? hoursFromNow(3.5) : s.nextExecutionAt;
  const created = s.createdAt ?? new Date(Date.now() - (1000 - n) * 60_000).toISOString();
  sqlite
    .prepare(
      `INSERT INTO scheduled_tasks (id, project_id, user_id, task_type, bot_name, command, prompt, scheduled_for, timezone,
         cron_expression, is_recurring, next_execution_at, execution_count, max_executions, status, enabled, slack_channel_id,
         metadata, created_at, updated_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'C_SCHED', ?, ?, ?, ?)`,
    )
    .run(
      id,
      s.projectId,
      s.userId ?? 'U_DEV',
      s.taskType ?? (s.cron ? 'recurring_job' : 'reminder'),
      s.botName ?? (s.cron ? 'ops' : 'system'),
      s.command ?? (s.cron ? 'report' : 'remind'),
      s.prompt ?? `prompt of ${id}`,
      s.scheduledFor ?? next ?? hoursFromNow(-1),
      s.timezone ?? 'America/New_York',
      s.cron ?? null,
      s.cron ? 1 : 0,
      next,
      s.executionCount ?? 0,
      s.maxExecutions ?? null,
      s.status ?? (s.cron ? 'active' : 'pending'),
      s.enabled === false ? 0 : 1,
      s.metadata ?? '{}',
      created,
      created,
      s.expiresAt ?? null,
    );
  return id;
}

export const scheduleRow = (conn: Connection, id: string): Record<string, unknown> => conn.sqlite.prepare('SELECT * FROM scheduled_tasks WHERE id = ?').get(id) as Record<string, unknown>;

export const scheduleCount = (conn: Connection): number => (conn.sqlite.prepare('SELECT count(*) AS n FROM scheduled_tasks').get() as { n: number }).n;

export const auditRows = (conn: Connection): Record<string, string>[] =>
  conn.sqlite.prepare('SELECT action, user_id, resource_type, resource_id, metadata FROM audit_logs ORDER BY id').all() as Record<string, string>[];
