import { ConflictError, ValidationError } from '../errors.js';
import { nextRun } from '../scheduling/cron.js';
import { formatInZone } from '../scheduling/format.js';
import type { ScheduledTaskInsert, ScheduledTaskRow } from '../types.js';
import type { ResumeOptions } from './scheduled-tasks-types.js';

/** Column values a transition writes as they are (they come from the row itself, not from input). */
export type StoredChange = Partial<ScheduledTaskInsert>;

/** Which statuses each transition starts from (COMPAT.md). */
export const TRANSITION_FROM = {
  pause: ['pending', 'active'],
  resume: ['paused'],
  cancel: ['pending', 'active', 'paused'],
  edit: ['pending', 'active', 'paused'],
} as const satisfies Record<string, readonly string[]>;
export type TransitionKind = keyof typeof TRANSITION_FROM;
const PAST: Record<TransitionKind, string> = { pause: 'paused', resume: 'resumed', cancel: 'cancelled', edit: 'changed' };

/** Refuses a transition the row's current status does not allow (the scheduler may have moved it meanwhile). */
export function assertTransition(row: ScheduledTaskRow, kind: TransitionKind): void {
  const from: readonly string[] = TRANSITION_FROM[kind];
  if (!from.includes(row.status)) {
    throw new ConflictError(`schedule ${row.id} is ${row.status}; only a ${from.join(', ')} schedule can be ${PAST[kind]}; nothing was changed`);
  }
}

/** A one-shot schedule whose time has passed: resuming it would fire it at once, so the caller must say so. */
export class PastDueError extends ValidationError {}

export interface ResumePlan {
  set: StoredChange;
  warning?: string;
}

/** When a recurring schedule is finished: its run limit reached, its expiry passed, or no run left. */
function finishedReason(row: ScheduledTaskRow, runs: number, next: Date | null, now: Date): string | null {
  if (row.maxExecutions != null && runs >= row.maxExecutions) return `it has run ${runs} of ${row.maxExecutions} times`;
  if (row.expiresAt && Date.parse(row.expiresAt) <= now.getTime()) return `it expired at ${formatInZone(new Date(row.expiresAt), row.timezone)}`;
  if (!next) return `its cron expression "${row.cronExpression}" never runs again`;
  if (row.expiresAt && next.getTime() > Date.parse(row.expiresAt)) return `its next run would be after its expiry ${formatInZone(new Date(row.expiresAt), row.timezone)}`;
  return null;
}

/** Resume recomputes next_execution_at (the service does not, so a past time would fire at once). */
export function planResume(row: ScheduledTaskRow, now: Date, opts: ResumeOptions = {}): ResumePlan {
  if (row.isRecurring && row.cronExpression) {
    const next = nextRun(row.cronExpression, row.timezone, now);
    const done = finishedReason(row, row.executionCount, next, now);
    if (done) throw new ValidationError(`schedule ${row.id} cannot resume: ${done}; change it first`);
    return { set: { status: 'active', enabled: true, nextExecutionAt: next!.toISOString() } };
  }
  const due = row.nextExecutionAt ?? row.scheduledFor;
  if (Date.parse(due) > now.getTime()) return { set: { status: 'pending', enabled: true, nextExecutionAt: new Date(due).toISOString() } };
  const when = formatInZone(new Date(due), row.timezone);
  if (!opts.fireNow) {
    throw new PastDueError(`schedule ${row.id}'s time ${when} has passed; resuming fires it at once (confirm with fire-now), or give it a new time`);
  }
  return {
    set: { status: 'pending', enabled: true, nextExecutionAt: now.toISOString() },
    warning: `its time ${when} has passed; it will fire at once (the scheduler polls every 30 s)`,
  };
}

/** One more run: counts it, and for a recurring schedule finds the next run or completes it. */
export function planExecuted(row: ScheduledTaskRow, now: Date): StoredChange {
  const at = now.toISOString();
  const runs = row.executionCount + 1;
  const set: StoredChange = { executionCount: runs, lastExecutedAt: at, lastTriggeredAt: at };
  if (row.status !== 'pending' && row.status !== 'active') return set; // paused/cancelled meanwhile: only count it
  if (!row.isRecurring || !row.cronExpression) return { ...set, status: 'completed', nextExecutionAt: null };
  const next = nextRun(row.cronExpression, row.timezone, now);
  if (finishedReason(row, runs, next, now)) return { ...set, status: 'completed', nextExecutionAt: null };
  return { ...set, status: 'active', nextExecutionAt: next!.toISOString() };
}
