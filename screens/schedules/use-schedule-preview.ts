import { useMemo } from 'react';
import { previewNewSchedule, previewScheduleChange, type SchedulePreview } from '../../db/views/schedules-preview.js';
import type { CreateScheduleInput, SchedulePatch } from '../../db/actions/schedules.js';
import type { ScheduledTaskRow } from '../../db/types.js';
import { useServices } from '../../src/app/services.js';
import { draftToInput, draftToPatch, type ScheduleDraft } from './schedule-draft.js';

/** What saving would send: a new schedule, or the changes to one. */
export type ScheduleChange = { readonly kind: 'create'; readonly input: CreateScheduleInput } | { readonly kind: 'update'; readonly row: ScheduledTaskRow; readonly patch: SchedulePatch };

export interface ScheduleFormPreview extends SchedulePreview {
  /** null when the draft does not convert (a limit that is no number) */
  readonly change: ScheduleChange | null;
}

/**
 * As the operator types: the time read in the schedule's zone and in UTC, or the cron's words
 * and next runs, and every rule that would refuse it (`refusals`, each about its field; `refusal`
 * the first), from the validator the save runs (db/scheduling/validate.ts); nothing is written.
 */
export function useSchedulePreview(draft: ScheduleDraft, row: ScheduledTaskRow | null, initial: ScheduleDraft): ScheduleFormPreview {
  const { db, operator } = useServices();
  return useMemo(() => {
    const converted = row ? draftToPatch(row, initial, draft) : draftToInput(draft);
    if (!converted.ok) {
      const refusal = { field: converted.field, message: converted.message };
      return { lines: [], refusals: [{ field: converted.field, sentence: converted.message }], refusal, change: null };
    }
    if (row) {
      const patch = converted.value as SchedulePatch;
      return { ...previewScheduleChange(row, patch), change: { kind: 'update', row, patch } };
    }
    const input = converted.value as CreateScheduleInput;
    return { ...previewNewSchedule(db, operator, input), change: { kind: 'create', input } };
  }, [db, operator, draft, row, initial]);
}
