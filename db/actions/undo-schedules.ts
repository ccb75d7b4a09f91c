import type { DB } from '../connection.js';
import { BematicError, PermissionError } from '../errors.js';
import type { Operator } from '../operator.js';
import { ScheduledTaskRepository, PastDueError, assertTransition, type ScheduledTaskPatch } from '../repositories/scheduled-tasks.js';
import { planResume } from '../repositories/scheduled-tasks-transitions.js';
import { storedPatch } from '../repositories/scheduled-tasks-patch.js';
import { ownerRefusal } from '../scheduling/validate.js';
import type { ScheduledTaskRow } from '../types.js';
import type { Readable, UndoEntry } from './undo-entry.js';
import { changesOf, type Prepared } from './undo-plan.js';

/** What an edit may change, so what undoing an edit restores (the next run is derived from these). */
const EDITABLE = ['prompt', 'cronExpression', 'timezone', 'scheduledFor', 'maxExecutions', 'expiresAt'] as const;
const TIMING = new Set<string>(['cronExpression', 'timezone', 'scheduledFor', 'expiresAt']);
const RUNNABLE = new Set<unknown>(['pending', 'active']);

/** As for the change itself: a developer only their own schedules (user_id is a Slack user id); an admin any. */
const owner =
  (row: ScheduledTaskRow) =>
  (op: Operator): void => {
    const why = ownerRefusal(op, row.userId, 'change');
    if (why) throw new PermissionError(why);
  };

/** A rule of the scheduler refusing the undo now, as the refusal's sentence. */
function refusedBy(check: () => unknown): string | null {
  try {
    check();
    return null;
  } catch (e) {
    if (e instanceof PastDueError) return 'its one-shot time has passed, so undoing the pause would fire it at once; resume it from the Schedules screen (which asks about that) or give it a new time';
    if (e instanceof BematicError) return e.message;
    throw e;
  }
}

/**
 * Undoing a pause resumes (status and enabled as before, the next run recomputed as a resume does:
 * the service would fire a past one at once); undoing a resume pauses; undoing an edit edits back,
 * under the same scheduling rules as an edit. Each is audited with the service's action name.
 */
export function prepareSchedule(db: DB, entry: UndoEntry): Readable<Prepared> {
  const repo = new ScheduledTaskRepository(db);
  const row = repo.findById(entry.resourceId);
  if (!row) return { ok: false, reason: `schedule ${entry.resourceId} no longer exists` };
  const base = { target: `schedule ${row.id} (${row.taskType} of ${row.userId})`, current: row, compare: entry.fields.filter((f) => f in row), permission: null, authorize: owner(row) };
  const status = (['status', 'enabled'] as const).filter((f) => entry.fields.includes(f));
  if (entry.fields.includes('status')) {
    const [was, made] = [entry.before.status, entry.after.status];
    if (made === 'paused' && RUNNABLE.has(was)) {
      const why = refusedBy(() => planResume({ ...row, status: 'paused' }, new Date()));
      if (why) return { ok: false, reason: why };
      return {
        ok: true,
        value: {
          ...base,
          changes: changesOf(entry, status),
          action: 'scheduled_task.resumed',
          note: 'The next run is recomputed as a resume does.',
          apply: () => ({ before: row, after: repo.resume(row.id).row }),
        },
      };
    }
    if (was === 'paused' && RUNNABLE.has(made)) {
      return { ok: true, value: { ...base, changes: changesOf(entry, status), action: 'scheduled_task.paused', apply: () => ({ before: row, after: repo.pause(row.id) }) } };
    }
    return { ok: false, reason: `a schedule moved from ${String(was)} to ${String(made)} cannot be moved back` };
  }
  // a recurring schedule's time is derived from its cron: restored by restoring the cron
  const fields = EDITABLE.filter((f) => entry.fields.includes(f) && !(f === 'scheduledFor' && row.isRecurring));
  if (fields.length === 0) return { ok: false, reason: 'this edit changed nothing an edit can restore' };
  const patch = Object.fromEntries(fields.map((f) => [f, entry.before[f] ?? null])) as ScheduledTaskPatch;
  const why = refusedBy(() => {
    assertTransition(row, 'edit');
    storedPatch(row, patch, new Date());
  });
  if (why) return { ok: false, reason: why };
  return {
    ok: true,
    value: {
      ...base,
      changes: changesOf(entry, fields),
      action: 'scheduled_task.updated',
      note: fields.some((f) => TIMING.has(f)) ? 'The next run is recomputed from the restored timing, under the same rules as an edit.' : undefined,
      apply: () => {
        const after = repo.update(row.id, patch);
        // the service's scheduled_task.updated metadata is the changed fields; before and after beside them
        return { ...patch, before: row, after };
      },
    },
  };
}
