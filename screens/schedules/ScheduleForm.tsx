import React, { useRef, useState } from 'react';
import { Box } from 'ink';
import { Form } from '../../components/form/Form.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import type { ScheduleFormData } from '../../db/views/schedules.js';
import { useNavigation } from '../../src/app/navigation.js';
import type { ScheduleDraft } from './schedule-draft.js';
import type { FormSpec } from './schedule-form-state.js';
import { scheduleRefusals } from './schedule-form-fields.js';
import { useScheduleForm } from './use-schedule-form.js';
import { useSchedulePreview } from './use-schedule-preview.js';
import { useSaveSchedule } from './use-save-schedule.js';
import { dialogHeight } from './schedule-keys.js';

export interface ScheduleFormProps {
  readonly data: ScheduleFormData;
  readonly initial: ScheduleDraft;
  readonly active: boolean;
  readonly width: number;
  readonly height: number;
}

/** The create and edit form: fields, what the time means as typed, every refusing rule beside its field, and the save question. */
export function ScheduleForm({ data, initial, active, width, height }: ScheduleFormProps) {
  const nav = useNavigation();
  const [spec] = useState<FormSpec>(() => ({ mode: data.schedule ? 'edit' : 'new', projects: data.projects }));
  // Enter needs the save of this render, which needs the state the form hook returns
  const saveRef = useRef<() => void>(() => {});
  const state = useScheduleForm(spec, initial, active, { onSave: () => saveRef.current(), onCancel: () => nav.back() });
  const preview = useSchedulePreview(state.draft, data.schedule, initial);
  const projectName = data.projects.find((p) => p.id === state.draft.projectId)?.name ?? state.draft.projectId;
  const saver = useSaveSchedule(preview, projectName);
  saveRef.current = saver.save;
  // every refusal beside its field, once the field is reached (or a save was tried)
  const refusals = scheduleRefusals(preview);
  const title = data.schedule ? `Edit schedule ${data.schedule.id}` : 'New schedule';
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      {saver.dialog ? <ConfirmDialog {...saver.dialog} width={width} /> : null}
      <Box flexDirection="column" height={height - dialogHeight(saver.dialog, width)} overflow="hidden">
        <Form
          title={title}
          fields={state.views(refusals.byField)}
          focus={state.focusIndex}
          general={[...state.general, ...refusals.general]}
          notes={preview.lines}
          width={width}
          onEdit={active ? state.edit : undefined}
        />
      </Box>
    </Box>
  );
}
