import { useMemo, useState } from 'react';
import { useForm as useFormState } from '../../components/form/use-form.js';
import type { FieldSpec, FormFieldView, FormRefusal, FormValues } from '../../components/form/types.js';
import type { FormRules } from '../../components/form/form-model.js';
import { useFormKeys } from '../../src/hooks/use-form-keys.js';

export interface FormSpec {
  readonly title: string;
  /** in focus order; a choice's first option is its default */
  readonly fields: readonly FieldSpec[];
  /** null closes the form; a refusal keeps it open and shows why under its field */
  readonly submit: (values: FormValues) => FormRefusal | null;
}

/** The open form as its view (FormView) shows it. */
export interface FormState {
  readonly title: string;
  readonly fields: readonly FormFieldView[];
  readonly focus: number;
  readonly general: readonly string[];
  /** the focused text field's edits (its ink-text-input) */
  readonly onEdit: (value: string) => void;
}

export interface Form {
  readonly form: FormState | null;
  readonly open: (spec: FormSpec) => void;
}

const initialValues = (fields: readonly FieldSpec[]): FormValues => Object.fromEntries(fields.map((f) => [f.key, f.options?.[0]?.value ?? '']));

/**
 * A form opened over a screen, on the dialog layer, through the console's one form system
 * (components/form): typing edits the focused field, Tab/↓ and ↑ move, ← → pick from a list,
 * Enter goes to the next field and submits from the last, Esc drops it all.
 */
export function useForm(): Form {
  const [spec, setSpec] = useState<FormSpec | null>(null);
  const rules = useMemo<FormRules<string>>(() => ({ fields: () => spec?.fields ?? [] }), [spec]);
  const form = useFormState(rules, () => ({ values: {}, focus: '' }));
  useFormKeys('dialog', spec !== null, form, {
    onCancel: () => setSpec(null),
    onSubmit: () => {
      const why = spec?.submit(form.values) ?? null;
      if (why === null) setSpec(null);
      else form.refuse([why]);
    },
  });
  return {
    form: spec && { title: spec.title, fields: form.views(), focus: form.focusIndex, general: form.general, onEdit: form.edit },
    open: (s) => {
      setSpec(s);
      form.reset(initialValues(s.fields), s.fields[0]?.key ?? '');
    },
  };
}
