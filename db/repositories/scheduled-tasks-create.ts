import { nanoid } from 'nanoid';
import { ValidationError } from '../errors.js';
import { toJson } from '../json.js';
import { nextRun } from '../scheduling/cron.js';
import { formatInZone } from '../scheduling/format.js';
import { checkedExpiry, SCHEDULE_STATUSES, toInstant } from '../scheduling/rules.js';
import { checkNewSchedule, readInstant, Refusals, throwIfRefused } from '../scheduling/validate.js';
import type { ScheduledTaskInsert } from '../types.js';
import { NEW_SCHEDULE_OPTIONS, type NewScheduledTask } from './scheduled-tasks-types.js';

/** Refuses keys a caller without types (or with a cast) passed that the type lacks: they would be dropped silently. */
export function assertKnownKeys(given: object, known: readonly string[], what: string): void {
  const unknown = Object.keys(given).filter((k) => !known.includes(k));
  if (unknown.length === 0) return;
  const names = unknown.map((k) => `"${k}"`).join(', ');
  throw new ValidationError(`${what} ${names} ${unknown.length > 1 ? 'are' : 'is'} not known (known: ${known.join(', ')}); nothing was written`);
}

const instant = (v: Date | string | null | undefined, what: string): Date | null => (v == null ? null : toInstant(v, what));

/**
 * The row to insert for `data`: every schedule rule applied (scheduling/validate.ts) and, as the
 * service's repository does, what the caller gave stored as given: isRecurring, nextExecutionAt,
 * status, enabled and a metadata string. `countByUser` is read inside the caller's transaction.
 */
export function newScheduleValues(data: NewScheduledTask, now: Date, countByUser: (slackUserId: string) => number): ScheduledTaskInsert {
  assertKnownKeys(data, NEW_SCHEDULE_OPTIONS, 'scheduled task option');
  const cron = data.cronExpression?.trim() || null;
  const next = instant(data.nextExecutionAt, 'nextExecutionAt');
  const shape = new Refusals();
  // the service writes isRecurring true exactly when it gives a cron (createCronJob); its scheduleTask
  // writes false with `config.cronExpression || null`, and none of its callers give a cron there
  if (data.isRecurring !== undefined && data.isRecurring !== (cron !== null)) {
    shape.add('time', data.isRecurring ? 'a recurring schedule (isRecurring true) needs a cron expression' : 'a one-shot schedule (isRecurring false) has no cron expression; give a time instead');
  }
  if (data.status !== undefined && !(SCHEDULE_STATUSES as readonly string[]).includes(data.status)) {
    shape.add(null, `status "${data.status}" is not one of ${SCHEDULE_STATUSES.join(', ')}`);
  }
  // a one-shot's next run is its time: the service writes both from the same Date
  const at = cron ? null : (data.scheduledFor ?? data.nextExecutionAt ?? null);
  if (!cron && next && data.scheduledFor != null && toInstant(data.scheduledFor, 'the time').getTime() !== next.getTime()) {
    shape.add('time', `a one-shot runs at its time: nextExecutionAt ${next.toISOString()} differs from scheduledFor ${toInstant(data.scheduledFor, 'the time').toISOString()}`);
  }
  const checked = checkNewSchedule({ ...data, cron, when: at }, { now, readTime: readInstant, countByUser });
  throwIfRefused([...checked.refusals, ...shape.list]);
  const { kind, timing } = checked;
  if (!kind || !timing) throw new ValidationError('the schedule was refused');
  let first = timing.nextExecutionAt;
  if (cron && next) {
    // the service computed the next run a moment before: keep it when it is a future run of the cron
    const zone = timing.timezone;
    const r = new Refusals();
    if (next.getTime() <= now.getTime()) r.add('time', `nextExecutionAt ${formatInZone(next, zone)} has passed`);
    else if (nextRun(cron, zone, new Date(next.getTime() - 1))?.getTime() !== next.getTime()) {
      r.add('time', `nextExecutionAt ${formatInZone(next, zone)} is not a run of "${cron}" in ${zone}`);
    } else r.run('expiry', () => checkedExpiry(timing.expiresAt, next, zone));
    throwIfRefused(r.list);
    first = next.toISOString();
  }
  const stamp = now.toISOString();
  return {
    id: data.id ?? nanoid(),
    projectId: data.projectId,
    userId: data.userId,
    ...kind,
    prompt: data.prompt,
    slackChannelId: data.slackChannelId,
    slackThreadTs: data.slackThreadTs ?? null,
    ...timing,
    nextExecutionAt: first,
    // a recurring job's scheduled_for is its first run as the service wrote it
    scheduledFor: cron && data.scheduledFor != null ? toInstant(data.scheduledFor, 'scheduledFor').toISOString() : first,
    executionCount: 0,
    maxExecutions: data.maxExecutions ?? null,
    status: data.status ?? (cron ? 'active' : 'pending'),
    enabled: data.enabled ?? true,
    // a string is stored as given (the service passes JSON.stringify(config.metadata || {})), an object stringified once
    metadata: typeof data.metadata === 'string' ? data.metadata : toJson(data.metadata ?? {}),
    createdAt: stamp,
    updatedAt: stamp,
  };
}
