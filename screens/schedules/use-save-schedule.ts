import { createSchedule, updateSchedule } from '../../db/actions/schedules.js';
import type { ScheduledTaskRow } from '../../db/types.js';
import { useServices } from '../../src/app/services.js';
import { useLive } from '../../src/app/live.js';
import { useFlash } from '../../src/app/flash.js';
import { useNavigation } from '../../src/app/navigation.js';
import { useConfirm, type Confirm } from '../../src/hooks/use-confirm.js';
import type { ScheduleChange, ScheduleFormPreview } from './use-schedule-preview.js';
import { nextRunText } from './schedule-time.js';

export interface SaveSchedule {
  readonly save: () => void;
  readonly dialog: Confirm['dialog'];
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

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
  const { db, operator } = useServices();
  const { refresh } = useLive();
  const { flash } = useFlash();
  const nav = useNavigation();
  const confirm = useConfirm();
  const done = (verb: string, row: ScheduledTaskRow, audit: string): void => {
    flash(`${verb} ${row.id}: next run ${nextRunText(row.nextExecutionAt, row.timezone)}; audited as ${audit}.`, 'success');
    refresh();
    nav.back();
  };
  const run = (change: ScheduleChange): void => {
    try {
      if (change.kind === 'create') {
        const row = createSchedule(db, operator, change.input);
        done('Created', row, row.isRecurring ? 'cron_job.created' : 'scheduled_task.created');
      } else done('Saved', updateSchedule(db, operator, change.row.id, change.patch), 'scheduled_task.updated');
    } catch (e) {
      flash(`Not saved: ${message(e)}`, 'danger');
      refresh();
    }
  };
  const save = (): void => {
    const change = preview.change;
    if (preview.refusal || !change) return flash(`Not saved: ${preview.refusal?.message ?? 'the form is incomplete'}.`, 'warning');
    if (change.kind === 'update' && Object.keys(change.patch).length === 0) return flash('Nothing changed: edit the time, cron, prompt, timezone, limit or expiry first.', 'warning');
    confirm.ask({ ...question(change, preview, projectName), onYes: () => run(change) });
  };
  return { save, dialog: confirm.dialog };
}
