import { assertTimezone } from './timezone.js';
import { scheduleKind } from './kind.js';
import { checkedExpiry, maxExecutionsRefusal, planFirstRun, promptRefusal, toInstant } from './rules.js';
import { Refusals, type Refusal } from './refusal.js';
import type { ScheduledTaskInsert, ScheduledTaskRow } from '../types.js';
import type { ScheduledTaskPatch } from '../repositories/scheduled-tasks-types.js';

/** Column values a change stores, as the timing rules give them. */
export type TimingSet = Partial<ScheduledTaskInsert>;

export interface CheckedChange {
  readonly refusals: Refusal[];
  /** the timing columns to store (next run, times, kind when it changes); empty when refused */
  readonly set: TimingSet;
}

const TIMING_KEYS = ['cronExpression', 'timezone', 'scheduledFor', 'nextExecutionAt', 'isRecurring'] as const;

/** The timing columns after a time-changing patch, through the same rules as a new schedule. */
function retime(r: Refusals, before: ScheduledTaskRow, patch: ScheduledTaskPatch, now: Date): TimingSet | undefined {
  const cronGiven = patch.cronExpression !== undefined;
  const recurring = patch.isRecurring ?? (cronGiven ? patch.cronExpression != null : before.isRecurring);
  const cron = recurring ? (cronGiven ? patch.cronExpression : before.cronExpression) : null;
  if (recurring && !cron) return void r.add('time', 'a recurring schedule needs a cron expression');
  const zone = r.run('timezone', () => assertTimezone(patch.timezone ?? before.timezone));
  if (zone === undefined) return undefined;
  const scheduledFor = recurring ? null : (patch.scheduledFor ?? patch.nextExecutionAt ?? before.nextExecutionAt ?? before.scheduledFor);
  const first = r.run('time', () => planFirstRun({ timezone: zone, cronExpression: cron, scheduledFor }, now));
  if (!first) return undefined;
  // a changed expiry is refused about the expiry; a kept one that the new time passes, about the time
  const expiresAt = r.run(patch.expiresAt !== undefined ? 'expiry' : 'time', () => checkedExpiry(patch.expiresAt !== undefined ? patch.expiresAt : before.expiresAt, first.first, zone));
  if (expiresAt === undefined) return undefined;
  const next = first.first.toISOString();
  const out: TimingSet = { isRecurring: recurring, cronExpression: first.cronExpression, nextExecutionAt: next, expiresAt };
  // scheduled_for is a one-shot's time, and a recurring job's first run: the service's updateTask
  // and its runs move only next_execution_at of a recurring job, so an edit does the same
  if (!(recurring && before.isRecurring)) out.scheduledFor = next;
  // the zone is written only when it is the change, as typed: the stored name stays byte-identical
  if (patch.timezone !== undefined) out.timezone = zone;
  if (recurring !== before.isRecurring) {
    // a schedule that changes kind takes the type and status the service gives that kind
    // (a reminder stays one: given a cron it is refused, since the service posts it once and completes it)
    const type = patch.taskType ?? (before.taskType === 'reminder' ? 'reminder' : recurring ? 'recurring_job' : 'prompt_execution');
    const kind = r.run(null, () => scheduleKind({ taskType: type, botName: patch.botName ?? before.botName, command: patch.command ?? before.command, recurring }));
    if (!kind) return undefined;
    Object.assign(out, kind);
    if (before.status === 'pending' || before.status === 'active') out.status = recurring ? 'active' : 'pending';
  }
  return out;
}

/**
 * Every rule a change to a stored schedule must keep, in this order: prompt not blank, run limit,
 * timing (as a new schedule's, when the patch changes a time, the cron, the zone or the kind), an
 * expiry alone after the next run. The quota on a status change is the repository's (it counts).
 */
export function checkScheduleChange(before: ScheduledTaskRow, patch: ScheduledTaskPatch, now: Date): CheckedChange {
  const r = new Refusals();
  if (patch.prompt !== undefined) r.add('prompt', promptRefusal(patch.prompt));
  if (patch.maxExecutions !== undefined) r.add('limit', maxExecutionsRefusal(patch.maxExecutions));
  let set: TimingSet = {};
  if (TIMING_KEYS.some((k) => patch[k] !== undefined)) {
    set = retime(r, before, patch, now) ?? {};
  } else if (patch.expiresAt !== undefined) {
    const next = before.nextExecutionAt ?? before.scheduledFor;
    const expiresAt = r.run('expiry', () => checkedExpiry(patch.expiresAt, toInstant(next, 'the next run'), before.timezone, 'next'));
    if (expiresAt !== undefined) set = { expiresAt };
  }
  return { refusals: r.list, set: r.list.length === 0 ? set : {} };
}

/** The refusals of a change (empty: it would be saved). */
export function validateScheduleChange(before: ScheduledTaskRow, patch: ScheduledTaskPatch, now: Date): Refusal[] {
  return checkScheduleChange(before, patch, now).refusals;
}
