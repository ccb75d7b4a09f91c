import type { DB } from '../connection.js';
import type { Operator } from '../operator.js';
import { consoleScheduleContext, readSchedulePatch, type CreateScheduleInput, type SchedulePatch } from '../actions/schedules-input.js';
import { checkNewSchedule, describeCron, formatInZone, formatRelative, nextRuns, validateScheduleChange, type Refusal, type ScheduleField } from '../scheduling/index.js';
import type { ScheduledTaskRow } from '../types.js';

/** Which input a refusal is about, so a form can put the message beside it. */
export type PreviewField = ScheduleField;

export interface SchedulePreview {
  /** what the input means: a time in the schedule's zone and in UTC, or a cron in words and its next five runs */
  readonly lines: readonly string[];
  /** every reason saving would be refused, in the order the rules run (scheduling/validate.ts), at most one per field; empty when it would be accepted */
  readonly refusals: readonly Refusal[];
  /** the first of them, as the form shows it; null when it would be accepted */
  readonly refusal: { readonly field: PreviewField | null; readonly message: string } | null;
}

const instantLine = (at: Date, zone: string, now: Date): string => `${formatInZone(at, zone)} · ${at.toISOString()} UTC · ${formatRelative(at, now)}`;

/** The times as read in the zone, as far as they could be read. */
interface ReadTimes {
  readonly zone: string | null;
  readonly when?: Date;
  readonly note?: string;
  readonly expiry?: Date | null;
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

function preview(lines: readonly string[], refusals: readonly Refusal[]): SchedulePreview {
  const first = refusals[0];
  return { lines, refusals, refusal: first ? { field: first.field, message: first.sentence } : null };
}

/**
 * What saving a new schedule would do, without writing: the rules createSchedule applies, from the
 * same validator (scheduling/validate.ts) with the same lookups, plus the operator's own-schedules rule.
 */
export function previewNewSchedule(db: DB, op: Operator, input: CreateScheduleInput, now: Date = new Date()): SchedulePreview {
  const checked = checkNewSchedule(input, { ...consoleScheduleContext(db, now), asker: op });
  return preview(timingLines(checked.cron, checked, now), checked.refusals);
}

/** What saving a change to `row` would do, without writing; an empty patch is no refusal. */
export function previewScheduleChange(row: ScheduledTaskRow, patch: SchedulePatch, now: Date = new Date()): SchedulePreview {
  const cron = row.isRecurring ? (patch.cron ?? row.cronExpression) : null;
  const read = readSchedulePatch(row, patch, now);
  const due = row.nextExecutionAt ?? row.scheduledFor;
  const times: ReadTimes = {
    zone: read.zone,
    when: read.when ?? (patch.when === undefined ? new Date(due) : undefined),
    ...(read.note ? { note: read.note } : {}),
    expiry: read.expiry !== undefined ? read.expiry : patch.expiresAt === undefined && row.expiresAt ? new Date(row.expiresAt) : null,
  };
  const lines = timingLines(cron, times, now);
  if (Object.keys(patch).length === 0) return preview(lines, []);
  return preview(lines, read.refusals.length > 0 ? read.refusals : validateScheduleChange(row, read.patch, now));
}
