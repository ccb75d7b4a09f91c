import type { DB } from '../connection.js';
import type { Operator } from '../operator.js';
import { ScheduledTaskRepository } from '../repositories/scheduled-tasks.js';
import { storedPatch } from '../repositories/scheduled-tasks-patch.js';
import { toNewScheduledTask, toScheduledTaskPatch, type CreateScheduleInput, type SchedulePatch } from '../actions/schedules-input.js';
import { assertTimezone, describeCron, formatInZone, formatRelative, nextRuns, parseWhen, planTiming, assertQuota, assertMaxExecutions, TASK_TYPES } from '../scheduling/index.js';
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

/** What the time in words or the cron expression means in the zone, as far as it can be read (the checks say why not). */
function timingLines(cron: string | null, when: string | Date | undefined, expiresAt: string | Date | null | undefined, timezone: string, now: Date): string[] {
  const lines: string[] = [];
  try {
    const zone = assertTimezone(timezone);
    if (cron) {
      lines.push(describeCron(cron));
      nextRuns(cron, zone, 5, now).forEach((r, i) => lines.push(`${i === 0 ? 'next runs ' : '          '}${formatInZone(r, zone)} · ${formatRelative(r, now)}`));
    } else if (when !== undefined) {
      const at = when instanceof Date ? { at: when, note: undefined } : parseWhen(when, zone, now);
      lines.push(`runs at ${instantLine(at.at, zone, now)}`);
      if (at.note) lines.push(at.note);
    }
    if (expiresAt != null) lines.push(`expires ${instantLine(expiresAt instanceof Date ? expiresAt : parseWhen(expiresAt, zone, now).at, zone, now)}`);
  } catch {
    /* the checks give the reason in their field */
  }
  return lines;
}

/** Reads the typed times in the zone, each refusal about its own field. */
function checkTimes(when: string | Date | undefined, expiresAt: string | Date | null | undefined, timezone: string, now: Date): void {
  const zone = step('timezone', () => assertTimezone(timezone));
  if (typeof when === 'string') step('time', () => parseWhen(when, zone, now));
  if (typeof expiresAt === 'string') step('expiry', () => parseWhen(expiresAt, zone, now));
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
 * createSchedule (time read in its zone, hourly minimum, one-shot window, expiry, quota).
 */
export function previewNewSchedule(db: DB, op: Operator, input: CreateScheduleInput, now: Date = new Date()): SchedulePreview {
  const cron = input.cron?.trim() || null;
  return preview(timingLines(cron, input.when, input.expiresAt, input.timezone, now), () => {
    if (!input.projectId) throw new Refused('project', 'choose a project');
    if (!input.userId.trim()) throw new Refused('owner', 'the owner is a Slack user id (U…)');
    if (op.role !== 'admin' && input.userId !== op.id) throw new Refused('owner', `a ${op.role} may create schedules only for themself (${op.id})`);
    if (!(TASK_TYPES as readonly string[]).includes(input.taskType)) throw new Refused('type', `task type "${input.taskType}" is not one of ${TASK_TYPES.join(', ')}`);
    if (!input.botName.trim()) throw new Refused('bot', 'name the bot that runs it');
    if (!input.command.trim()) throw new Refused('command', 'name the bot command to run');
    if (!input.prompt.trim()) throw new Refused('prompt', 'a schedule needs a prompt');
    checkTimes(input.when, input.expiresAt, input.timezone, now);
    step('limit', () => assertMaxExecutions(input.maxExecutions));
    const task = step(null, () => toNewScheduledTask(db, input, now));
    step('time', () => planTiming({ ...task, expiresAt: null }, now));
    step('expiry', () => planTiming(task, now));
    step('owner', () => assertQuota(input.userId, new ScheduledTaskRepository(db).countByUser(input.userId)));
  });
}

/** What saving a change to `row` would do, without writing; an empty patch is no refusal. */
export function previewScheduleChange(row: ScheduledTaskRow, patch: SchedulePatch, now: Date = new Date()): SchedulePreview {
  const zone = patch.timezone ?? row.timezone;
  const cron = row.isRecurring ? (patch.cron ?? row.cronExpression) : null;
  const due = row.nextExecutionAt ?? row.scheduledFor;
  const expiresAt = patch.expiresAt === undefined ? row.expiresAt : patch.expiresAt;
  return preview(timingLines(cron, patch.when ?? new Date(due), expiresAt, zone, now), () => {
    if (Object.keys(patch).length === 0) return;
    if (patch.prompt !== undefined && !patch.prompt.trim()) throw new Refused('prompt', 'a schedule needs a prompt');
    checkTimes(patch.when, patch.expiresAt, zone, now);
    step('limit', () => assertMaxExecutions(patch.maxExecutions));
    const stored = step(null, () => toScheduledTaskPatch(row, patch, now));
    const { expiresAt: storedExpiry, ...timing } = stored;
    step('time', () => storedPatch(row, timing, now));
    if (storedExpiry !== undefined) step('expiry', () => storedPatch(row, stored, now));
  });
}
