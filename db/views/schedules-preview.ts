import type { DB } from '../connection.js';
import type { Operator } from '../operator.js';
import { ScheduledTaskRepository } from '../repositories/scheduled-tasks.js';
import { storedPatch } from '../repositories/scheduled-tasks-patch.js';
import { assertOwnerIsUser, toNewScheduledTask, toScheduledTaskPatch, type CreateScheduleInput, type SchedulePatch } from '../actions/schedules-input.js';
import { assertTimezone, describeCron, formatInZone, formatRelative, nextRuns, parseWhen, planTiming, assertQuota, assertMaxExecutions, scheduleKind, ScheduleKindError } from '../scheduling/index.js';
import type { ScheduledTaskRow } from '../types.js';

/** Which input a refusal is about, so a form can put the message beside it. */
export type PreviewField = 'project' | 'owner' | 'type' | 'bot' | 'command' | 'prompt' | 'time' | 'timezone' | 'limit' | 'expiry';

export interface SchedulePreview {
  /** what the input means: a time in the schedule's zone and in UTC, or a cron in words and its next five runs */
  readonly lines: readonly string[];
  /** why saving would be refused, in one line; null when it would be accepted */
  readonly refusal: { readonly field: PreviewField | null; readonly message: string } | null;
}

class Refused extends Error {
  constructor(readonly field: PreviewField | null, message: string) {
    super(message);
  }
}

/** Runs one check; its error becomes a refusal about `field`. */
function step<T>(field: PreviewField | null, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Refused) throw e;
    throw new Refused(field, e instanceof Error ? e.message : String(e));
  }
}

const instantLine = (at: Date, zone: string, now: Date): string => `${formatInZone(at, zone)} · ${at.toISOString()} UTC · ${formatRelative(at, now)}`;

/** The typed times read once in the zone: what they mean, or the refusal about their field. */
interface ReadTimes {
  readonly zone: string | null;
  readonly when?: Date;
  readonly note?: string;
  readonly expiry?: Date | null;
  readonly refusal: Refused | null;
}

function readTimes(when: string | Date | undefined, expiresAt: string | Date | null | undefined, timezone: string, now: Date): ReadTimes {
  let zone: string | null = null;
  const out: { when?: Date; note?: string; expiry?: Date | null } = {};
  try {
    zone = step('timezone', () => assertTimezone(timezone));
    const z = zone;
    if (when !== undefined) {
      const at = step('time', () => (when instanceof Date ? { at: when, note: undefined } : parseWhen(when, z, now)));
      out.when = at.at;
      out.note = at.note;
    }
    if (expiresAt !== undefined) out.expiry = expiresAt === null ? null : step('expiry', () => (expiresAt instanceof Date ? expiresAt : parseWhen(expiresAt, z, now).at));
    return { zone, ...out, refusal: null };
  } catch (e) {
    return { zone, ...out, refusal: e as Refused };
  }
}

/** What the time or the cron expression means in the zone, as far as it could be read (the checks say why not). */
function timingLines(cron: string | null, t: ReadTimes, now: Date): string[] {
  const lines: string[] = [];
  if (!t.zone) return lines;
  const zone = t.zone;
  if (cron) {
    try {
      lines.push(describeCron(cron));
      nextRuns(cron, zone, 5, now).forEach((r, i) => lines.push(`${i === 0 ? 'next runs ' : '          '}${formatInZone(r, zone)} · ${formatRelative(r, now)}`));
    } catch {
      /* the rules give the reason */
    }
  } else if (t.when) lines.push(`runs at ${instantLine(t.when, zone, now)}`, ...(t.note ? [t.note] : []));
  if (t.expiry) lines.push(`expires ${instantLine(t.expiry, zone, now)}`);
  return lines;
}

function preview(lines: readonly string[], run: () => void): SchedulePreview {
  try {
    run();
    return { lines, refusal: null };
  } catch (e) {
    const r = e instanceof Refused ? e : new Refused(null, e instanceof Error ? e.message : String(e));
    return { lines, refusal: { field: r.field, message: r.message } };
  }
}

/**
 * What saving a new schedule would do, without writing: the same conversions and rules as
 * createSchedule (type, bot and command as the service writes them, owner in users, time read in
 * its zone, hourly minimum, one-shot window, expiry, quota).
 */
export function previewNewSchedule(db: DB, op: Operator, input: CreateScheduleInput, now: Date = new Date()): SchedulePreview {
  const cron = input.cron?.trim() || null;
  const times = readTimes(cron ? undefined : input.when, input.expiresAt ?? null, input.timezone, now);
  return preview(timingLines(cron, times, now), () => {
    if (!input.projectId) throw new Refused('project', 'choose a project');
    if (!input.userId.trim()) throw new Refused('owner', 'the owner is a Slack user id (U…)');
    if (op.role !== 'admin' && input.userId !== op.id) throw new Refused('owner', `a ${op.role} may create schedules only for themself (${op.id})`);
    try {
      scheduleKind({ ...input, recurring: cron !== null });
    } catch (e) {
      if (e instanceof ScheduleKindError) throw new Refused(e.field, e.message);
      throw e;
    }
    step('owner', () => assertOwnerIsUser(db, input.userId));
    if (!input.prompt.trim()) throw new Refused('prompt', 'a schedule needs a prompt');
    if (times.refusal) throw times.refusal;
    step('limit', () => assertMaxExecutions(input.maxExecutions));
    // the times as read above, so the words are not parsed again
    const read = { ...input, ...(cron ? {} : { when: times.when }), expiresAt: times.expiry ?? null };
    const task = step(null, () => toNewScheduledTask(db, read, now));
    step('time', () => planTiming({ ...task, expiresAt: null }, now));
    if (task.expiresAt != null) step('expiry', () => planTiming(task, now));
    step('owner', () => assertQuota(input.userId, new ScheduledTaskRepository(db).countByUser(input.userId)));
  });
}

/** What saving a change to `row` would do, without writing; an empty patch is no refusal. */
export function previewScheduleChange(row: ScheduledTaskRow, patch: SchedulePatch, now: Date = new Date()): SchedulePreview {
  const cron = row.isRecurring ? (patch.cron ?? row.cronExpression) : null;
  const due = row.nextExecutionAt ?? row.scheduledFor;
  const expiresAt = patch.expiresAt === undefined ? (row.expiresAt ? new Date(row.expiresAt) : null) : patch.expiresAt;
  const times = readTimes(cron ? undefined : (patch.when ?? new Date(due)), expiresAt, patch.timezone ?? row.timezone, now);
  return preview(timingLines(cron, times, now), () => {
    if (Object.keys(patch).length === 0) return;
    if (patch.prompt !== undefined && !patch.prompt.trim()) throw new Refused('prompt', 'a schedule needs a prompt');
    if (times.refusal) throw times.refusal;
    step('limit', () => assertMaxExecutions(patch.maxExecutions));
    const read = { ...patch, ...(patch.when !== undefined ? { when: times.when } : {}), ...(patch.expiresAt !== undefined ? { expiresAt: times.expiry ?? null } : {}) };
    const stored = step(null, () => toScheduledTaskPatch(row, read, now));
    const { expiresAt: storedExpiry, ...timing } = stored;
    step('time', () => storedPatch(row, timing, now));
    if (storedExpiry !== undefined) step('expiry', () => storedPatch(row, stored, now));
  });
}
