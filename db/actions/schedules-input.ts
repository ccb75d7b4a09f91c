import type { DB } from '../connection.js';
import { ValidationError } from '../errors.js';
import { shapedTables } from '../tables.js';
import { eq } from 'drizzle-orm';
import { parseWhen } from '../scheduling/when.js';
import { assertTimezone } from '../scheduling/timezone.js';
import { scheduleKind } from '../scheduling/kind.js';
import { UserRepository } from '../repositories/users.js';
import type { NewScheduledTask, ScheduledTaskPatch } from '../repositories/scheduled-tasks-types.js';
import type { ScheduledTaskRow } from '../types.js';

/**
 * A schedule as an operator enters it: a time in words (one-shot) or a cron expression (recurring).
 * The type follows as the service writes it (scheduling/kind.ts): a cron makes a recurring_job, a
 * one-shot is a prompt_execution unless it is a reminder, which the system bot posts with remind.
 */
export type CreateScheduleInput = Omit<NewScheduledTask, 'id' | 'taskType' | 'botName' | 'command' | 'cronExpression' | 'scheduledFor' | 'expiresAt' | 'slackChannelId'> & {
  /** reminder, prompt_execution or recurring_job; absent: recurring_job with a cron, else prompt_execution */
  taskType?: string;
  /** a reminder's are `system` and `remind` (filled when blank) */
  botName?: string;
  command?: string;
  /** one-shot: "tomorrow 9am", an ISO date, or a Date; read in `timezone` */
  when?: string | Date;
  /** recurring: a 5-field cron expression in `timezone` */
  cron?: string;
  /** words or ISO, read in `timezone`; null: never */
  expiresAt?: string | Date | null;
  /** default: the project's channel */
  slackChannelId?: string;
};

/** What `e` may change on a schedule; times in words are read in the (new) timezone. */
export interface SchedulePatch {
  when?: string | Date;
  cron?: string;
  prompt?: string;
  timezone?: string;
  maxExecutions?: number | null;
  expiresAt?: string | Date | null;
}

const instant = (v: string | Date, zone: string, now: Date): Date => (v instanceof Date ? v : parseWhen(v, zone, now).at);

function projectChannel(db: DB, projectId: string): string {
  const t = shapedTables(db.$client).projects;
  const row = t.exists ? db.select({ channel: t.table.slackChannelId }).from(t.table).where(eq(t.table.id, projectId)).get() : undefined;
  if (!row) throw new ValidationError(`project ${projectId} not found`);
  return row.channel;
}

/**
 * The owner is a Slack user id that the users table holds, compared exactly as the service's
 * findBySlackUserId compares it (no trimming, no case folding).
 */
export function assertOwnerIsUser(db: DB, slackUserId: string): void {
  if (new UserRepository(db).findBySlackUserId(slackUserId)) return;
  throw new ValidationError(
    `the owner "${slackUserId}" is not a user in this database: no users row has that slack_user_id (compared exactly, as the service compares Slack ids); add the user first, or choose one who is`,
  );
}

export function toNewScheduledTask(db: DB, input: CreateScheduleInput, now: Date): NewScheduledTask {
  const zone = assertTimezone(input.timezone);
  const cron = input.cron?.trim();
  if (cron && input.when !== undefined) throw new ValidationError('give either a time (one-shot) or a cron expression (recurring), not both');
  if (!cron && input.when === undefined) throw new ValidationError('a schedule needs a time (one-shot) or a cron expression (recurring)');
  const kind = scheduleKind({ ...input, recurring: Boolean(cron) });
  assertOwnerIsUser(db, input.userId);
  const { when: _when, cron: _cron, ...rest } = input;
  return {
    ...rest,
    ...kind,
    timezone: zone,
    cronExpression: cron || null,
    scheduledFor: input.when !== undefined ? instant(input.when, zone, now) : null,
    expiresAt: input.expiresAt == null ? null : instant(input.expiresAt, zone, now),
    slackChannelId: input.slackChannelId ?? projectChannel(db, input.projectId),
  };
}

export function toScheduledTaskPatch(row: ScheduledTaskRow, patch: SchedulePatch, now: Date): ScheduledTaskPatch {
  const zone = patch.timezone !== undefined ? assertTimezone(patch.timezone) : row.timezone;
  const out: ScheduledTaskPatch = {};
  if (patch.timezone !== undefined) out.timezone = zone;
  if (patch.when !== undefined) {
    if (row.isRecurring) throw new ValidationError(`schedule ${row.id} is recurring; change its cron expression, not its time`);
    out.scheduledFor = instant(patch.when, zone, now).toISOString();
  }
  if (patch.cron !== undefined) {
    if (!row.isRecurring) throw new ValidationError(`schedule ${row.id} runs once; give it a time, or create a recurring schedule`);
    out.cronExpression = patch.cron.trim();
  }
  if (patch.prompt !== undefined) {
    if (!patch.prompt.trim()) throw new ValidationError('a schedule needs a prompt');
    out.prompt = patch.prompt;
  }
  if (patch.maxExecutions !== undefined) out.maxExecutions = patch.maxExecutions;
  if (patch.expiresAt !== undefined) out.expiresAt = patch.expiresAt === null ? null : instant(patch.expiresAt, zone, now).toISOString();
  if (Object.keys(out).length === 0) throw new ValidationError('nothing to change');
  return out;
}
