import { createSchedule, updateSchedule } from '../../db/actions/schedules.js';
import type { ScheduledTaskRow } from '../../db/types.js';
import { useNavigation } from '../../src/app/navigation.js';
import type { Confirm } from '../../src/hooks/use-confirm.js';
import { useAction } from '../../src/hooks/use-admin-action.js';
import type { ScheduleChange, ScheduleFormPreview } from './use-schedule-preview.js';
import { nextRunText } from './schedule-time.js';

export interface SaveSchedule {
  readonly save: () => void;
  readonly dialog: Confirm['dialog'];
}

function question(change: ScheduleChange, preview: ScheduleFormPreview, projectName: string): { title: string; message: string } {
  const when = preview.lines[0] ?? '';
  if (change.kind === 'create') {
    const i = change.input;
    const audit = i.cron ? 'cron_job.created' : 'scheduled_task.created';
    return { title: 'Create this schedule?', message: `A ${i.taskType} for ${i.userId} in ${projectName}: ${when}. Audited as ${audit}.` };
  }
  const fields = Object.keys(change.patch).join(', ');
  return { title: 'Save the changes to this schedule?', message: `Changes the ${fields} of ${change.row.id}; ${when}. Audited as scheduled_task.updated.` };
}

/**
 * Enter in the form: a draft the rules refuse says why and writes nothing; otherwise it asks
 * (No first), then creates or updates in one audited transaction and goes back to the list.
 */
export function useSaveSchedule(preview: ScheduleFormPreview, projectName: string): SaveSchedule {
  // the one action helper: ask, run in one audited transaction, flash (an update offers undo),
  // read again; the form stays open when the action refuses, so the draft can be corrected
  const { db, operator, flash, confirm, run } = useAction('change schedules');
  const nav = useNavigation();
  const line = (verb: string, row: ScheduledTaskRow, audit: string): string => `${verb} ${row.id}: next run ${nextRunText(row.nextExecutionAt, row.timezone)}; audited as ${audit}.`;
  const write = (change: ScheduleChange): void => {
    let saved = false;
    run(() => {
      let text: string;
      if (change.kind === 'create') {
        const row = createSchedule(db, operator, change.input);
        text = line('Created', row, row.isRecurring ? 'cron_job.created' : 'scheduled_task.created');
      } else text = line('Saved', updateSchedule(db, operator, change.row.id, change.patch), 'scheduled_task.updated');
      saved = true;
      return text;
    }, 'Not saved');
    if (saved) nav.back();
  };
  const save = (): void => {
    const change = preview.change;
    if (preview.refusal || !change) return flash(`Not saved: ${preview.refusal?.message ?? 'the form is incomplete'}.`, 'warning');
    if (change.kind === 'update' && Object.keys(change.patch).length === 0) return flash('Nothing changed: edit the time, cron, prompt, timezone, limit or expiry first.', 'warning');
    confirm.ask({ ...question(change, preview, projectName), onYes: () => write(change) });
  };
  return { save, dialog: confirm.dialog };
}
