import React, { useMemo } from 'react';
import { StateLine } from '../../components/StateLine.js';
import { scheduleFormData } from '../../db/views/schedules.js';
import { useServices } from '../../src/app/services.js';
import { useQuery, ONE_ROW_NOW } from '../../src/hooks/use-query.js';
import type { ScreenProps } from '../../src/app/screen-props.js';
import { draftFromRow, newDraft } from './schedule-draft.js';
import { ScheduleForm } from './ScheduleForm.js';

/** `n` and `e` on the schedules: reads the projects (and the schedule to edit) once, then the form owns the draft. */
export function ScheduleFormScreen({ active, params, width, height }: ScreenProps) {
  const { db, operator } = useServices();
  const id = params.scheduleId;
  // read once: a live reload must not reset what the operator is typing. Read in the first render
  // (the projects and one schedule by id): the form and its keys are there in the frame that opens
  // it, so keys typed right after n land in the form, not in a loading screen that drops them.
  const data = useQuery(() => scheduleFormData(db, id), id ?? 'new', 0, ONE_ROW_NOW);
  const ready = data.status === 'ready' ? data.data : undefined;
  const initial = useMemo(() => (ready ? (ready.schedule ? draftFromRow(ready.schedule) : newDraft(operator.id, ready.projects[0]?.id ?? '')) : null), [ready, operator.id]);
  if (data.status !== 'ready' || !ready || !initial) {
    return <StateLine status={data.status === 'ready' ? 'missing' : data.status} error={data.status === 'error' ? data.error : undefined} missing={`Schedule ${id} is not in this database.`} />;
  }
  return <ScheduleForm data={ready} initial={initial} active={active} width={width} height={height} />;
}
