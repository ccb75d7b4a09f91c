// The one place a schedule's rules are applied: the form's preview, the console's save (action)
// and the repository all call these, and differ only in what they can look up (context).
import { assertTimezone } from './timezone.js';
import { parseWhen } from './when.js';
import { scheduleKind, type ScheduleKind } from './kind.js';
import { checkedExpiry, maxExecutionsRefusal, planFirstRun, promptRefusal, quotaRefusal, toInstant, type Timing } from './rules.js';
import { Refusals, type Refusal } from './refusal.js';

export * from './refusal.js';
export { checkScheduleChange, validateScheduleChange, type CheckedChange } from './validate-change.js';

/** How a time given as text is read: an instant it names, and a note when it was moved (DST gap). */
export type ReadTime = (text: string, timezone: string, now: Date, what: 'the time' | 'the expiry') => { at: Date; note?: string };

/** As an operator types it: words or ISO, wall time in the schedule's zone (scheduling/when.ts). */
export const readWords: ReadTime = (text, zone, now) => parseWhen(text, zone, now);
/** As the service passes it: an instant (toISOString text, or a Date). */
export const readInstant: ReadTime = (text, _zone, _now, what) => ({ at: toInstant(text, what) });

/** Who asks for the change. */
export interface Asker {
  readonly id: string;
  readonly role: string;
}

/** A developer changes (and creates) only their own schedules; an admin any. */
export function ownerRefusal(asker: Asker, owner: string, what: string): string | null {
  return asker.role !== 'admin' && owner !== asker.id ? `a ${asker.role} may ${what} only their own schedules; this one belongs to ${owner}` : null;
}

/** The owner is a Slack user id the users table holds, compared exactly as the service's findBySlackUserId. */
export const notAUser = (slackUserId: string): string =>
  `the owner "${slackUserId}" is not a user in this database: no users row has that slack_user_id (compared exactly, as the service compares Slack ids); add the user first, or choose one who is`;

/** A new schedule as any caller gives it: a cron (recurring) or a time (one-shot). */
export interface NewScheduleRequest {
  readonly projectId: string;
  /** the owner's Slack user id */
  readonly userId: string;
  readonly taskType?: string | null;
  readonly botName?: string | null;
  readonly command?: string | null;
  readonly prompt: string;
  readonly timezone: string;
  readonly cron?: string | null;
  readonly when?: string | Date | null;
  readonly expiresAt?: string | Date | null;
  readonly maxExecutions?: number | null;
}

/** What the caller can look up; a check whose lookup is absent is not made. */
export interface NewScheduleContext {
  readonly now: Date;
  /** default: readInstant */
  readonly readTime?: ReadTime;
  /** the console's operator (preview, action); the repository has none */
  readonly asker?: Asker;
  readonly projectExists?: (projectId: string) => boolean;
  /** the console checks the owner is a user; the service's repository does not */
  readonly isUser?: (slackUserId: string) => boolean;
  /** pending, active and paused schedules of the owner */
  readonly countByUser?: (slackUserId: string) => number;
}

export interface CheckedNewSchedule {
  readonly refusals: Refusal[];
  /** the zone as typed, when known */
  readonly zone: string | null;
  readonly cron: string | null;
  /** the one-shot's time and the expiry as read (for showing them), as far as they could be read */
  readonly when?: Date;
  readonly note?: string;
  readonly expiry?: Date | null;
  /** set when there are no refusals: what to store */
  readonly kind?: ScheduleKind;
  readonly timing?: Timing;
}

/**
 * Every rule of a new schedule, in this order: project, owner (given, the asker's own, a user),
 * type/bot/command as the service writes them, prompt, times readable in the zone, run limit,
 * timing (hourly minimum checking every gap; one-shot in the future and at most 365 days ahead;
 * expiry after the first run), quota (50 pending/active/paused per Slack user).
 */
export function checkNewSchedule(req: NewScheduleRequest, ctx: NewScheduleContext): CheckedNewSchedule {
  const { now } = ctx;
  const read = ctx.readTime ?? readInstant;
  const r = new Refusals();
  const cron = req.cron?.trim() || null;
  const owner = req.userId ?? '';
  if (!req.projectId?.trim()) r.add('project', 'choose a project');
  else if (ctx.projectExists && !ctx.projectExists(req.projectId)) r.add('project', `project ${req.projectId} not found`);
  if (!owner.trim()) r.add('owner', 'the owner is a Slack user id (U…)');
  if (ctx.asker) r.add('owner', ownerRefusal(ctx.asker, owner, 'create'));
  const kind = r.run(null, () => scheduleKind({ ...req, recurring: cron !== null }));
  if (ctx.isUser && !r.has('owner') && !ctx.isUser(owner)) r.add('owner', notAUser(owner));
  r.add('prompt', promptRefusal(req.prompt));

  const zone = r.run('timezone', () => assertTimezone(req.timezone)) ?? null;
  let when: { at: Date; note?: string } | undefined;
  let expiry: Date | null | undefined;
  if (zone !== null) {
    if (cron && req.when != null) r.add('time', 'give either a time (one-shot) or a cron expression (recurring), not both');
    else if (!cron && req.when == null) r.add('time', 'a schedule needs a time (one-shot) or a cron expression (recurring)');
    else if (!cron) when = r.run('time', () => (req.when instanceof Date ? { at: req.when } : read(req.when as string, zone, now, 'the time')));
    expiry = req.expiresAt == null ? null : r.run('expiry', () => (req.expiresAt instanceof Date ? req.expiresAt : read(req.expiresAt as string, zone, now, 'the expiry').at));
  }
  r.add('limit', maxExecutionsRefusal(req.maxExecutions));

  let timing: Timing | undefined;
  if (zone !== null && !r.has('time') && !r.has('timezone')) {
    const first = r.run('time', () => planFirstRun({ timezone: zone, cronExpression: cron, scheduledFor: when?.at ?? null }, now));
    const expiresAt = first && expiry !== undefined ? r.run('expiry', () => checkedExpiry(expiry, first.first, zone)) : undefined;
    if (first && expiresAt !== undefined) {
      timing = { timezone: zone, isRecurring: cron !== null, cronExpression: first.cronExpression, nextExecutionAt: first.first.toISOString(), expiresAt };
    }
  }
  if (ctx.countByUser && !r.has('owner')) r.add('owner', quotaRefusal(owner, ctx.countByUser(owner)));

  const refusals = r.list;
  return {
    refusals,
    zone,
    cron,
    ...(when ? { when: when.at, ...(when.note ? { note: when.note } : {}) } : {}),
    ...(expiry !== undefined ? { expiry } : {}),
    ...(refusals.length === 0 && kind && timing ? { kind, timing } : {}),
  };
}

/** The refusals of a new schedule (empty: it would be saved). */
export function validateNewSchedule(req: NewScheduleRequest, ctx: NewScheduleContext): Refusal[] {
  return checkNewSchedule(req, ctx).refusals;
}
