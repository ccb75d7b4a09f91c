import { ValidationError } from '../errors.js';
import { assertTimezone } from './timezone.js';
import { nextRun } from './cron.js';
import { intervalRefusal } from './interval.js';
import { formatInZone } from './format.js';

/** The spec's per-owner quota, counting pending, active and paused schedules. */
export const MAX_SCHEDULES_PER_OWNER = 50;
export const MAX_DAYS_AHEAD = 365;
export const QUOTA_STATUSES = ['pending', 'active', 'paused'] as const;
export const SCHEDULE_STATUSES = ['pending', 'active', 'paused', 'completed', 'cancelled', 'failed'] as const;
export const TASK_TYPES = ['reminder', 'prompt_execution', 'recurring_job'] as const;

const DAY_MS = 86_400_000;

/** A Date from a Date or any string Date can read; refuses what it cannot read. */
export function toInstant(value: Date | string, what: string): Date {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) throw new ValidationError(`${what} "${String(value)}" is not a valid date`);
  return d;
}

export function assertOneShotTime(at: Date, timezone: string, now: Date): void {
  const shown = formatInZone(at, timezone);
  if (at.getTime() <= now.getTime()) throw new ValidationError(`the time ${shown} has passed; a one-shot schedule needs a time in the future`);
  if (at.getTime() > now.getTime() + MAX_DAYS_AHEAD * DAY_MS) {
    throw new ValidationError(`the time ${shown} is more than ${MAX_DAYS_AHEAD} days ahead; a one-shot schedule may be at most ${MAX_DAYS_AHEAD} days ahead`);
  }
}

/** The first run of a valid recurring expression after `now`; refuses an invalid, too-frequent or never-firing one. */
export function firstCronRun(cron: string, timezone: string, now: Date): Date {
  const tooOften = intervalRefusal(cron, timezone, now);
  if (tooOften) throw new ValidationError(tooOften);
  const first = nextRun(cron, timezone, now);
  if (!first) throw new ValidationError(`cron expression "${cron}" never runs`);
  return first;
}

/** Why the owner may not have one more schedule, or null: the spec's quota of 50. */
export function quotaRefusal(owner: string, counted: number): string | null {
  if (counted < MAX_SCHEDULES_PER_OWNER) return null;
  return `${owner} already has ${counted} pending, active or paused schedules; the limit is ${MAX_SCHEDULES_PER_OWNER} (cancel some first)`;
}

export function assertQuota(owner: string, counted: number): void {
  const why = quotaRefusal(owner, counted);
  if (why) throw new ValidationError(why);
}

/** Why a run limit is refused, or null (absent: no limit). */
export function maxExecutionsRefusal(n: number | null | undefined): string | null {
  return n != null && (!Number.isInteger(n) || n < 1) ? `the run limit must be a whole number of at least 1, not ${n}` : null;
}

/** A schedule's prompt is what the bot is asked: it may not be blank. */
export function promptRefusal(prompt: string | null | undefined): string | null {
  return prompt == null || !prompt.trim() ? 'a schedule needs a prompt' : null;
}

export interface TimingInput {
  timezone: string;
  /** present: recurring; absent: one-shot at `scheduledFor` */
  cronExpression?: string | null;
  scheduledFor?: Date | string | null;
  expiresAt?: Date | string | null;
}

/** What a schedule's timing rules produce, ready to store (ISO strings from toISOString). */
export interface Timing {
  timezone: string;
  isRecurring: boolean;
  cronExpression: string | null;
  /** the first (next) run */
  nextExecutionAt: string;
  expiresAt: string | null;
}

/** The first run the timing rules give (zone, cron or one-shot window); the expiry is checked apart. */
export interface FirstRun {
  timezone: string;
  cronExpression: string | null;
  first: Date;
}

/** Every timing rule except the expiry: known zone, hourly minimum (every gap), one-shot in the future and at most 365 days ahead. */
export function planFirstRun(input: Omit<TimingInput, 'expiresAt'>, now: Date = new Date()): FirstRun {
  const timezone = assertTimezone(input.timezone);
  const cron = input.cronExpression?.trim() || null;
  if (cron) return { timezone, cronExpression: cron, first: firstCronRun(cron, timezone, now) };
  if (input.scheduledFor == null) throw new ValidationError('a one-shot schedule needs a time (or give a cron expression for a recurring one)');
  const first = toInstant(input.scheduledFor, 'the time');
  assertOneShotTime(first, timezone, now);
  return { timezone, cronExpression: null, first };
}

/** The expiry as stored (ISO), refused unless after the schedule's first (or next) run. */
export function checkedExpiry(expiresAt: Date | string | null | undefined, run: Date, timezone: string, which: 'first' | 'next' = 'first'): string | null {
  if (expiresAt == null) return null;
  const expiry = toInstant(expiresAt, 'the expiry');
  if (expiry.getTime() <= run.getTime()) {
    throw new ValidationError(`the expiry ${formatInZone(expiry, timezone)} must be after the ${which} run ${formatInZone(run, timezone)}`);
  }
  return expiry.toISOString();
}

/** Applies every timing rule of the spec; the one place create and time-changing updates go through. */
export function planTiming(input: TimingInput, now: Date = new Date()): Timing {
  const { timezone, cronExpression, first } = planFirstRun(input, now);
  const expiresAt = checkedExpiry(input.expiresAt, first, timezone);
  return { timezone, isRecurring: cronExpression !== null, cronExpression, nextExecutionAt: first.toISOString(), expiresAt };
}
