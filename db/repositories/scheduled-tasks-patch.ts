import { ValidationError } from '../errors.js';
import { toJson } from '../json.js';
import { planTiming, assertMaxExecutions, toInstant, QUOTA_STATUSES } from '../scheduling/rules.js';
import { formatInZone } from '../scheduling/format.js';
import { scheduleKind } from '../scheduling/kind.js';
import type { ScheduledTaskInsert, ScheduledTaskRow } from '../types.js';
import type { ScheduledTaskPatch } from './scheduled-tasks-types.js';

type StoredPatch = Partial<ScheduledTaskInsert>;
const TIMING_KEYS = ['cronExpression', 'timezone', 'scheduledFor', 'nextExecutionAt', 'isRecurring'] as const;

const counted = (status: string): boolean => (QUOTA_STATUSES as readonly string[]).includes(status);

/** True when the patch moves the schedule into a status the owner's quota counts. */
export function entersQuota(before: ScheduledTaskRow, patch: ScheduledTaskPatch): boolean {
  return patch.status !== undefined && counted(patch.status) && !counted(before.status);
}

/** The timing fields after a time-changing patch, through the same rules as create. */
function retime(before: ScheduledTaskRow, patch: ScheduledTaskPatch, now: Date): StoredPatch {
  const cronGiven = patch.cronExpression !== undefined;
  const recurring = patch.isRecurring ?? (cronGiven ? patch.cronExpression != null : before.isRecurring);
  const cron = recurring ? (cronGiven ? patch.cronExpression : before.cronExpression) : null;
  if (recurring && !cron) throw new ValidationError('a recurring schedule needs a cron expression');
  const timing = planTiming(
    {
      timezone: patch.timezone ?? before.timezone,
      cronExpression: cron,
      scheduledFor: recurring ? null : (patch.scheduledFor ?? patch.nextExecutionAt ?? before.nextExecutionAt ?? before.scheduledFor),
      expiresAt: patch.expiresAt !== undefined ? patch.expiresAt : before.expiresAt,
    },
    now,
  );
  const { timezone, ...times } = timing;
  const out: StoredPatch = { ...times };
  // scheduled_for is a one-shot's time, and a recurring job's first run: the service's updateTask
  // and its runs move only next_execution_at of a recurring job, so an edit does the same
  if (!(recurring && before.isRecurring)) out.scheduledFor = timing.nextExecutionAt;
  // the zone is written only when it is the change, as typed: the stored name stays byte-identical
  if (patch.timezone !== undefined) out.timezone = timezone;
  if (recurring !== before.isRecurring) {
    // a schedule that changes kind takes the type and status the service gives that kind
    // (a reminder stays one: given a cron it is refused, since the service posts it once and completes it)
    const type = patch.taskType ?? (before.taskType === 'reminder' ? 'reminder' : recurring ? 'recurring_job' : 'prompt_execution');
    Object.assign(out, scheduleKind({ taskType: type, botName: patch.botName ?? before.botName, command: patch.command ?? before.command, recurring }));
    if (before.status === 'pending' || before.status === 'active') out.status = recurring ? 'active' : 'pending';
  }
  return out;
}

/** An expiry alone must still fall after the schedule's next run. */
function reExpire(before: ScheduledTaskRow, expiresAt: string | null): string | null {
  if (expiresAt === null) return null;
  const expiry = toInstant(expiresAt, 'the expiry');
  const next = before.nextExecutionAt ?? before.scheduledFor;
  if (expiry.getTime() <= Date.parse(next)) {
    throw new ValidationError(`the expiry ${formatInZone(expiry, before.timezone)} must be after the next run ${formatInZone(new Date(next), before.timezone)}`);
  }
  return expiry.toISOString();
}

/** The values to store for a patch, with every scheduling rule applied to what it changes. */
export function storedPatch(before: ScheduledTaskRow, patch: ScheduledTaskPatch, now: Date): StoredPatch {
  const { metadata, ...rest } = patch;
  const out: StoredPatch = { ...rest };
  if (metadata !== undefined) out.metadata = typeof metadata === 'string' ? metadata : toJson(metadata);
  assertMaxExecutions(patch.maxExecutions);
  if (TIMING_KEYS.some((k) => patch[k] !== undefined)) Object.assign(out, retime(before, patch, now));
  else if (patch.expiresAt !== undefined) out.expiresAt = reExpire(before, patch.expiresAt);
  return out;
}
