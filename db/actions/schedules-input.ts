import type { DB } from '../connection.js';
import { ValidationError } from '../errors.js';
import { shapedTables } from '../tables.js';
import { eq } from 'drizzle-orm';
import { assertTimezone } from '../scheduling/timezone.js';
import { checkNewSchedule, readWords, Refusals, throwIfRefused, type NewScheduleContext, type Refusal } from '../scheduling/validate.js';
import { UserRepository } from '../repositories/users.js';
import { ScheduledTaskRepository } from '../repositories/scheduled-tasks.js';
import type { NewScheduledTask, ScheduledTaskPatch } from '../repositories/scheduled-tasks-types.js';
import type { ScheduledTaskRow } from '../types.js';

/**
 * A schedule as an operator enters it: a time in words (one-shot) or a cron expression (recurring).
 * The type follows as the service writes it (scheduling/kind.ts): a cron makes a recurring_job, a
 * one-shot is a prompt_execution unless it is a reminder, which the system bot posts with remind.
 */
export type CreateScheduleInput = Omit<
  NewScheduledTask,
  'id' | 'taskType' | 'botName' | 'command' | 'cronExpression' | 'scheduledFor' | 'expiresAt' | 'slackChannelId' | 'isRecurring' | 'nextExecutionAt' | 'status' | 'enabled'
> & {
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

/** What the console can look up for the schedule rules: projects, users and the owner's quota count. */
export function consoleScheduleContext(db: DB, now: Date): NewScheduleContext {
  return {
    now,
    readTime: readWords,
    projectExists: (id) => projectChannel(db, id) !== null,
    isUser: (id) => new UserRepository(db).findBySlackUserId(id) !== undefined,
    countByUser: (id) => new ScheduledTaskRepository(db).countByUser(id),
  };
}

function projectChannel(db: DB, projectId: string): string | null {
  const t = shapedTables(db.$client).projects;
  const row = t.exists ? db.select({ channel: t.table.slackChannelId }).from(t.table).where(eq(t.table.id, projectId)).get() : undefined;
  return row?.channel ?? null;
}

/** The schedule to hand to the repository, once every rule allowed it (scheduling/validate.ts); else its refusals as a ValidationError. */
export function toNewScheduledTask(db: DB, input: CreateScheduleInput, now: Date): NewScheduledTask {
  const checked = checkNewSchedule(input, consoleScheduleContext(db, now));
  throwIfRefused(checked.refusals);
  const { when: _when, cron: _cron, ...rest } = input;
  const channel = input.slackChannelId ?? projectChannel(db, input.projectId);
  if (channel === null) throw new ValidationError(`project ${input.projectId} not found`);
  return {
    ...rest,
    ...checked.kind!,
    timezone: checked.zone!,
    cronExpression: checked.cron,
    scheduledFor: checked.when ?? null,
    expiresAt: checked.expiry ?? null,
    slackChannelId: channel,
  };
}

/** A change as typed, read in the (new) zone: the patch to store, or why it cannot be read. */
export interface ReadPatch {
  readonly patch: ScheduledTaskPatch;
  readonly refusals: Refusal[];
  /** the zone the times were read in; null when the new one is unknown */
  readonly zone: string | null;
  readonly when?: Date;
  readonly note?: string;
  readonly expiry?: Date | null;
}

/** Reads the typed change; the rules it must then keep are scheduling/validate-change.ts's. */
export function readSchedulePatch(row: ScheduledTaskRow, patch: SchedulePatch, now: Date): ReadPatch {
  const r = new Refusals();
  const out: ScheduledTaskPatch = {};
  const zone = patch.timezone !== undefined ? (r.run('timezone', () => assertTimezone(patch.timezone!)) ?? null) : row.timezone;
  if (patch.timezone !== undefined && zone !== null) out.timezone = zone;
  let when: { at: Date; note?: string } | undefined;
  let expiry: Date | null | undefined;
  if (patch.when !== undefined) {
    if (row.isRecurring) r.add('time', `schedule ${row.id} is recurring; change its cron expression, not its time`);
    else if (zone !== null) when = r.run('time', () => (patch.when instanceof Date ? { at: patch.when } : readWords(patch.when!, zone, now, 'the time')));
    if (when) out.scheduledFor = when.at.toISOString();
  }
  if (patch.cron !== undefined) {
    if (!row.isRecurring) r.add('time', `schedule ${row.id} runs once; give it a time, or create a recurring schedule`);
    else out.cronExpression = patch.cron.trim();
  }
  if (patch.prompt !== undefined) out.prompt = patch.prompt;
  if (patch.maxExecutions !== undefined) out.maxExecutions = patch.maxExecutions;
  if (patch.expiresAt !== undefined) {
    if (patch.expiresAt === null) expiry = null;
    else if (zone !== null) expiry = r.run('expiry', () => (patch.expiresAt instanceof Date ? patch.expiresAt : readWords(patch.expiresAt as string, zone, now, 'the expiry').at));
    if (expiry !== undefined) out.expiresAt = expiry === null ? null : expiry.toISOString();
  }
  if (r.list.length === 0 && Object.keys(out).length === 0) r.add(null, 'nothing to change');
  return { patch: out, refusals: r.list, zone, ...(when ? { when: when.at, ...(when.note ? { note: when.note } : {}) } : {}), ...(expiry !== undefined ? { expiry } : {}) };
}

/** The patch to hand to the repository, which applies the change rules; a typed change it cannot read is refused. */
export function toScheduledTaskPatch(row: ScheduledTaskRow, patch: SchedulePatch, now: Date): ScheduledTaskPatch {
  const read = readSchedulePatch(row, patch, now);
  throwIfRefused(read.refusals);
  return read.patch;
}
