import type { DB } from '../connection.js';
import { NotFoundError, PermissionError } from '../errors.js';
import type { Operator } from '../operator.js';
import { ScheduledTaskRepository } from '../repositories/scheduled-tasks.js';
import { assertTransition, type TransitionKind } from '../repositories/scheduled-tasks-transitions.js';
import type { ResumeOptions, ResumeResult } from '../repositories/scheduled-tasks-types.js';
import type { ScheduledTaskRow } from '../types.js';
import { describeCron } from '../scheduling/cron.js';
import { ownerRefusal } from '../scheduling/validate.js';
import { audit, runAction } from './run.js';
import { toNewScheduledTask, toScheduledTaskPatch, type CreateScheduleInput, type SchedulePatch } from './schedules-input.js';

export type { CreateScheduleInput, SchedulePatch } from './schedules-input.js';

const RESOURCE = 'scheduled_task';

/** A developer changes only the schedules they own (user_id is a Slack user id); an admin any. */
function assertOwns(op: Operator, owner: string, what: string): void {
  const why = ownerRefusal(op, owner, what);
  if (why) throw new PermissionError(why);
}

/**
 * The shape of every change to an existing schedule: in one IMMEDIATE transaction, re-read the
 * row, check the owner and that its current status allows the change (the scheduler may have
 * completed or cancelled it a moment ago: ConflictError, nothing applied), apply, audit.
 */
function changeSchedule<T>(
  db: DB,
  op: Operator,
  id: string,
  kind: TransitionKind,
  action: string,
  apply: (repo: ScheduledTaskRepository, before: ScheduledTaskRow) => { after: ScheduledTaskRow; result: T; fields?: Record<string, unknown> },
): T {
  return runAction(db, op, null, (now) => {
    const repo = new ScheduledTaskRepository(db);
    const before = repo.findById(id);
    if (!before) throw new NotFoundError('scheduled task', id);
    assertOwns(now, before.userId, kind === 'edit' ? 'change' : kind);
    assertTransition(before, kind);
    const { after, result, fields } = apply(repo, before);
    // the service's own keys first (it writes none for pause, resume and cancel), the console's before/after beside
    audit(db, now, action, RESOURCE, id, { ...fields, before, after });
    return result;
  });
}

export function pauseSchedule(db: DB, op: Operator, id: string): ScheduledTaskRow {
  return changeSchedule(db, op, id, 'pause', 'scheduled_task.paused', (repo) => {
    const after = repo.pause(id);
    return { after, result: after };
  });
}

/** Recomputes the next run; a one-shot whose time has passed is refused (PastDueError) unless `fireNow`. */
export function resumeSchedule(db: DB, op: Operator, id: string, opts: ResumeOptions = {}): ResumeResult {
  return changeSchedule(db, op, id, 'resume', 'scheduled_task.resumed', (repo) => {
    const result = repo.resume(id, opts);
    return { after: result.row, result };
  });
}

export function cancelSchedule(db: DB, op: Operator, id: string): ScheduledTaskRow {
  return changeSchedule(db, op, id, 'cancel', 'scheduled_task.cancelled', (repo) => {
    const after = repo.cancel(id);
    return { after, result: after };
  });
}

/** The service's key for each field an edit may change (its updateTask logs `{scheduledFor, prompt, cronExpression}`). */
const SERVICE_KEY = {
  when: 'scheduledFor',
  cron: 'cronExpression',
  prompt: 'prompt',
  timezone: 'timezone',
  maxExecutions: 'maxExecutions',
  expiresAt: 'expiresAt',
} as const satisfies Record<keyof SchedulePatch, keyof ScheduledTaskRow>;

/** The changed fields under the service's key names, each as now stored. */
function changedFields(patch: SchedulePatch, after: ScheduledTaskRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(patch) as (keyof SchedulePatch)[]) {
    if (patch[k] !== undefined) out[SERVICE_KEY[k]] = after[SERVICE_KEY[k]];
  }
  return out;
}

/**
 * Reschedules or edits (time, cron, prompt, timezone, run limit, expiry) under the spec's rules.
 * Audited as the service does, `scheduled_task.updated` with the changed fields, plus before/after.
 */
export function updateSchedule(db: DB, op: Operator, id: string, patch: SchedulePatch): ScheduledTaskRow {
  return changeSchedule(db, op, id, 'edit', 'scheduled_task.updated', (repo, before) => {
    const after = repo.update(id, toScheduledTaskPatch(before, patch, new Date()));
    return { after, result: after, fields: changedFields(patch, after) };
  });
}

/** What the service's scheduleTask / createCronJob put in the audit row of a new schedule. */
function createdFields(row: ScheduledTaskRow): Record<string, unknown> {
  if (row.isRecurring && row.cronExpression) {
    return { cronExpression: row.cronExpression, nextExecution: row.nextExecutionAt, description: describeCron(row.cronExpression) };
  }
  return { scheduledFor: row.scheduledFor, timezone: row.timezone, taskType: row.taskType };
}

/**
 * Creates a one-shot (`scheduled_task.created`) or recurring (`cron_job.created`) schedule; a
 * developer only for themself (PermissionError), then the schedule rules of scheduling/validate.ts
 * with the owner a user in users (ValidationError carrying every refusal, the first as its message).
 */
export function createSchedule(db: DB, op: Operator, input: CreateScheduleInput): ScheduledTaskRow {
  return runAction(db, op, null, (now) => {
    assertOwns(now, input.userId, 'create');
    const after = new ScheduledTaskRepository(db).create(toNewScheduledTask(db, input, new Date()));
    audit(db, now, after.isRecurring ? 'cron_job.created' : 'scheduled_task.created', RESOURCE, after.id, { ...createdFields(after), before: null, after });
    return after;
  });
}
