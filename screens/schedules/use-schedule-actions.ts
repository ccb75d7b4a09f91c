import { cancelSchedule, pauseSchedule, resumeSchedule } from '../../db/actions/schedules.js';
import { PastDueError, TRANSITION_FROM } from '../../db/repositories/scheduled-tasks.js';
import { ownerRefusal } from '../../db/scheduling/validate.js';
import type { Confirm } from '../../src/hooks/use-confirm.js';
import { useAction } from '../../src/hooks/use-admin-action.js';
import { inZone, nextRunText } from './schedule-time.js';
import { scheduleType } from './schedule-columns.js';

/** What an action needs to know about the selected schedule. */
export interface ScheduleRef {
  readonly id: string;
  readonly status: string;
  readonly userId: string;
  readonly taskType: string;
  readonly timezone: string;
  readonly scheduledFor: string;
  readonly nextExecutionAt: string | null;
}

export interface ScheduleActions {
  /** p: pause a pending or active schedule, resume a paused one */
  readonly togglePause: (s: ScheduleRef) => void;
  /** c */
  readonly cancel: (s: ScheduleRef) => void;
  /** whether this operator may change `s` (or anything, without one); flashes why not */
  readonly mayChange: (s: ScheduleRef | undefined, what: string) => boolean;
  readonly dialog: Confirm['dialog'];
}

const allows = (kind: keyof typeof TRANSITION_FROM, status: string): boolean => (TRANSITION_FROM[kind] as readonly string[]).includes(status);

/**
 * Pause, resume and cancel, each after a question with No selected, each one audited transaction
 * (the action re-reads the row: the scheduler may have moved it since it was shown).
 */
export function useScheduleActions(): ScheduleActions {
  // the one action helper: ask, run in one audited transaction, flash (offering undo), read again
  const { db, operator, refusal, flash, confirm, run } = useAction('change schedules');

  const mayChange = (s: ScheduleRef | undefined, what: string): boolean => {
    if (refusal) flash(`Cannot ${what}: ${refusal}.`, 'warning');
    else if (s && ownerRefusal(operator, s.userId, 'change')) flash(`Cannot ${what}: ${ownerRefusal(operator, s.userId, 'change')}.`, 'warning');
    else return true;
    return false;
  };

  const resume = (s: ScheduleRef, fireNow: boolean): void => {
    const pastDue = (e: unknown): boolean => {
      if (!(e instanceof PastDueError) || fireNow) return false;
      const due = inZone(s.nextExecutionAt ?? s.scheduledFor, s.timezone);
      const text = `${s.id} was due ${due} and runs only once: resuming fires it at once (the scheduler polls every 30 s). No leaves it paused; e gives it a new time.`;
      confirm.ask({ title: 'Its time has passed: fire it now?', message: text, onYes: () => resume(s, true) });
      return true;
    };
    run(
      () => {
        const { row } = resumeSchedule(db, operator, s.id, { fireNow });
        const when = fireNow ? 'it fires at once (the scheduler polls every 30 s)' : `next run ${nextRunText(row.nextExecutionAt, row.timezone)}`;
        return `Schedule ${s.id} resumed (${row.status}); ${when}; audited as scheduled_task.resumed.`;
      },
      'Not resumed',
      { caught: pastDue },
    );
  };

  const togglePause = (s: ScheduleRef): void => {
    if (!mayChange(s, 'pause or resume')) return;
    const what = `${s.id} (${scheduleType(s.taskType)}, ${s.userId})`;
    if (s.status === 'paused') {
      confirm.ask({ title: 'Resume this schedule?', message: `${what} runs again; its next run is recomputed in its own timezone. Audited as scheduled_task.resumed.`, onYes: () => resume(s, false) });
    } else if (allows('pause', s.status)) {
      const onYes = (): void =>
        run(() => {
          pauseSchedule(db, operator, s.id);
          return `Schedule ${s.id} paused; it will not run until resumed; audited as scheduled_task.paused.`;
        }, 'Not paused');
      confirm.ask({ title: 'Pause this schedule?', message: `${what} will not run until resumed. Audited as scheduled_task.paused.`, onYes });
    } else flash(`Schedule ${s.id} is ${s.status}: only pending, active or paused schedules can be paused or resumed.`, 'warning');
  };

  const cancel = (s: ScheduleRef): void => {
    if (!mayChange(s, 'cancel')) return;
    if (!allows('cancel', s.status)) return flash(`Schedule ${s.id} is ${s.status}: only pending, active or paused schedules can be cancelled.`, 'warning');
    const onYes = (): void =>
      run(() => {
        cancelSchedule(db, operator, s.id);
        return `Schedule ${s.id} cancelled; it will never run again; audited as scheduled_task.cancelled.`;
      }, 'Not cancelled');
    confirm.ask({ title: 'Cancel this schedule?', message: `${s.id} (${scheduleType(s.taskType)}, ${s.userId}) will be cancelled and never run again. Audited as scheduled_task.cancelled.`, onYes });
  };

  return { togglePause, cancel, mayChange, dialog: confirm.dialog };
}
