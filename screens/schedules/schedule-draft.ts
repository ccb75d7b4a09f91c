import { DateTime } from 'luxon';
import type { CreateScheduleInput, SchedulePatch } from '../../db/actions/schedules.js';
import type { PreviewField } from '../../db/views/schedules-preview.js';
import type { ScheduledTaskRow } from '../../db/types.js';
import { isValidTimezone } from '../../db/scheduling/timezone.js';

/** A schedule as the form holds it: every input as typed. */
export interface ScheduleDraft {
  readonly projectId: string;
  readonly owner: string;
  readonly type: string;
  readonly bot: string;
  readonly command: string;
  readonly prompt: string;
  /** once: `time` is words or ISO; cron: `time` is a cron expression */
  readonly repeats: 'once' | 'cron';
  readonly time: string;
  readonly timezone: string;
  readonly limit: string;
  readonly expiry: string;
}

export type Converted<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly field: PreviewField; readonly message: string };

/** Reminders are sent by the `system` bot with `remind`, as the service writes them. */
export const REMINDER = { bot: 'system', command: 'remind' } as const;

/**
 * The zone a new schedule starts in: the operator's machine zone, else UTC. TZ as the machine
 * names it when set, since ICU's resolved name may be a legacy spelling (Asia/Calcutta).
 */
export function machineZone(): string {
  const named = process.env.TZ?.trim();
  if (named && isValidTimezone(named)) return named;
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const SLACK_ID = /^[UW][A-Z0-9_]{2,}$/;

export function newDraft(operatorId: string, projectId: string): ScheduleDraft {
  return {
    projectId,
    owner: SLACK_ID.test(operatorId) ? operatorId : '',
    type: 'reminder',
    ...REMINDER,
    prompt: '',
    repeats: 'once',
    time: '',
    timezone: machineZone(),
    limit: '',
    expiry: '',
  };
}

/** A stored instant as wall time in the schedule's zone, which the form reads back the same way. */
export function wallTime(iso: string | null, zone: string): string {
  if (!iso) return '';
  const dt = DateTime.fromISO(iso, { zone: 'UTC' }).setZone(zone);
  return dt.isValid ? dt.toFormat('yyyy-LL-dd HH:mm') : iso;
}

/** The form pre-filled with a schedule, to edit it. */
export function draftFromRow(row: ScheduledTaskRow): ScheduleDraft {
  return {
    projectId: row.projectId,
    owner: row.userId,
    type: row.taskType,
    bot: row.botName,
    command: row.command,
    prompt: row.prompt,
    repeats: row.isRecurring ? 'cron' : 'once',
    time: row.isRecurring ? (row.cronExpression ?? '') : wallTime(row.nextExecutionAt ?? row.scheduledFor, row.timezone),
    timezone: row.timezone,
    limit: row.maxExecutions == null ? '' : String(row.maxExecutions),
    expiry: wallTime(row.expiresAt, row.timezone),
  };
}

/** The limit as a number; whether it is allowed (at least 1) is the validator's rule (db/scheduling/validate.ts). */
function parseLimit(text: string): Converted<number | null> {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  if (!/^[-+]?\d+$/.test(t)) return { ok: false, field: 'limit', message: `could not read "${t}" as a number of runs` };
  return { ok: true, value: Number(t) };
}

/** The draft as createSchedule takes it. */
export function draftToInput(d: ScheduleDraft): Converted<CreateScheduleInput> {
  const limit = parseLimit(d.limit);
  if (!limit.ok) return limit;
  const time = d.time.trim();
  return {
    ok: true,
    value: {
      projectId: d.projectId,
      userId: d.owner.trim(),
      taskType: d.type,
      botName: d.bot.trim(),
      command: d.command.trim(),
      prompt: d.prompt,
      timezone: d.timezone.trim(),
      ...(d.repeats === 'cron' ? { cron: time } : { when: time }),
      maxExecutions: limit.value,
      expiresAt: d.expiry.trim() === '' ? null : d.expiry.trim(),
    },
  };
}

/**
 * Only what the operator changed, as updateSchedule takes it. A new timezone re-reads the typed
 * time and expiry in that zone, as the preview shows them.
 */
export function draftToPatch(row: ScheduledTaskRow, initial: ScheduleDraft, d: ScheduleDraft): Converted<SchedulePatch> {
  const patch: SchedulePatch = {};
  const zone = d.timezone.trim();
  const zoneChanged = zone !== initial.timezone;
  const time = d.time.trim();
  const expiry = d.expiry.trim();
  if (zoneChanged) patch.timezone = zone;
  if (row.isRecurring) {
    if (time !== initial.time) patch.cron = time;
  } else if (time !== initial.time || zoneChanged) patch.when = time;
  if (d.prompt !== initial.prompt) patch.prompt = d.prompt;
  if (d.limit.trim() !== initial.limit) {
    const limit = parseLimit(d.limit);
    if (!limit.ok) return limit;
    patch.maxExecutions = limit.value;
  }
  if (expiry !== initial.expiry || (zoneChanged && expiry !== '')) patch.expiresAt = expiry === '' ? null : expiry;
  return { ok: true, value: patch };
}
