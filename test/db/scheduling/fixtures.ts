import type { DB } from '../../../db/connection.js';
import type { NewScheduledTask } from '../../../db/repositories/scheduled-tasks-types.js';

let n = 0;

/** A projects row for the scheduled_tasks foreign key, written as the service's DDL has it. */
export function insertProject(db: DB, id = `proj_sched${++n}`): string {
  const now = new Date().toISOString();
  db.$client
    .prepare(
      `INSERT INTO projects (id, name, slack_channel_id, local_path, agent_id, default_model, default_max_budget, active, created_at, updated_at)
       VALUES (?, ?, ?, '/srv/p', 'agent-1', 'claude-sonnet-4-5-20250929', 5.0, 1, ?, ?)`,
    )
    .run(id, `project ${id}`, `C_${id}`, now, now);
  return id;
}

const HOUR = 3_600_000;
export const hoursFrom = (now: Date, h: number): Date => new Date(now.getTime() + h * HOUR);

/** A one-shot reminder an hour after `now`, owned by U_DEV; override anything. */
export function oneShot(projectId: string, now: Date, over: Partial<NewScheduledTask> = {}): NewScheduledTask {
  return {
    projectId,
    userId: 'U_DEV',
    taskType: 'reminder',
    botName: 'system',
    command: 'remind',
    prompt: 'check the deploy',
    slackChannelId: 'C_SCHED',
    timezone: 'America/New_York',
    scheduledFor: hoursFrom(now, 1),
    ...over,
  };
}

/** A recurring job at 09:00 on weekdays in New York, owned by U_DEV. */
export function recurring(projectId: string, over: Partial<NewScheduledTask> = {}): NewScheduledTask {
  return {
    projectId,
    userId: 'U_DEV',
    taskType: 'recurring_job',
    botName: 'reviewer',
    command: 'review',
    prompt: 'review open pull requests',
    slackChannelId: 'C_SCHED',
    timezone: 'America/New_York',
    cronExpression: '0 9 * * 1-5',
    ...over,
  };
}

/** Raw column values read back from the file, to check what was really stored. */
export function rawRow(db: DB, id: string): Record<string, unknown> {
  return db.$client.prepare('SELECT * FROM scheduled_tasks WHERE id = ?').get(id) as Record<string, unknown>;
}
