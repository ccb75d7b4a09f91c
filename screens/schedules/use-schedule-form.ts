import { useMemo } from 'react';
import { useForm, type FormControl } from '../../components/form/use-form.js';
import type { FormRules } from '../../components/form/form-model.js';
import { useFormKeys } from '../../src/hooks/use-form-keys.js';
import type { ScheduleDraft } from './schedule-draft.js';
import { initialFocus, withField, type FieldKey, type FormSpec } from './schedule-form-state.js';
import { scheduleFieldSpecs } from './schedule-form-fields.js';

export interface ScheduleFormKeys {
  readonly onSave: () => void;
  readonly onCancel: () => void;
}

/**
 * The draft in the console's one form (components/form): Tab/↓ and ↑ move (round the open
 * fields), ← → choose, Enter goes to the next field and saves from the last, Esc leaves without
 * writing. It sits on the filter layer, which takes every key while open, so typing `q`, `6` or
 * `?` into a field neither quits, jumps nor opens the help; the save question (dialog layer)
 * still comes first.
 */
export function useScheduleForm(spec: FormSpec, initial: ScheduleDraft, active: boolean, keys: ScheduleFormKeys): FormControl<FieldKey> & { readonly draft: ScheduleDraft } {
  const rules = useMemo<FormRules<FieldKey>>(
    () => ({
      fields: (values) => scheduleFieldSpecs(spec, values as ScheduleDraft),
      wrap: true,
      derive: (values, key, value) => withField(values as ScheduleDraft, key, value),
    }),
    [spec],
  );
  const form = useForm(rules, () => ({ values: initial, focus: initialFocus(spec) }));
  useFormKeys('filter', active, form, { onSubmit: keys.onSave, onCancel: keys.onCancel });
  return { ...form, draft: form.values as ScheduleDraft };
}
