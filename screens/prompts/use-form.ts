import { useState } from 'react';
import { useFormKeys } from '../../src/hooks/use-form-keys.js';

export interface FormField {
  readonly name: string;
  readonly label: string;
  /** shown while the field is empty */
  readonly hint?: string;
  /** a field picked from a list with ← →; the first is the default */
  readonly choices?: readonly string[];
}

export interface FormSpec {
  readonly title: string;
  readonly fields: readonly FormField[];
  /** null closes the form; a sentence keeps it open and shows why */
  readonly submit: (values: Readonly<Record<string, string>>) => string | null;
}

export interface FormState {
  readonly title: string;
  readonly fields: readonly FormField[];
  readonly values: Readonly<Record<string, string>>;
  readonly focus: number;
  readonly error: string | null;
  /** the focused text field's edits (its ink-text-input) */
  readonly onEdit: (value: string) => void;
}

export interface Form {
  readonly form: FormState | null;
  readonly open: (spec: FormSpec) => void;
}

const initialValues = (fields: readonly FormField[]): Record<string, string> =>
  Object.fromEntries(fields.map((f) => [f.name, f.choices?.[0] ?? '']));

/** Cycles a choice field: the next or previous of its list. */
const cycle = (choices: readonly string[], value: string, d: number): string =>
  choices[(choices.indexOf(value) + d + choices.length) % choices.length] ?? value;

/**
 * A few fields on the dialog layer: typing edits the focused one, Tab/↓ and ↑ move, ← → pick
 * from a list, Enter goes to the next field and submits from the last, Esc drops it all.
 */
export function useForm(): Form {
  const [spec, setSpec] = useState<FormSpec | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [focus, setFocus] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const field = spec?.fields[focus];
  const last = (spec?.fields.length ?? 1) - 1;
  const set = (v: string): void => setValues((all) => ({ ...all, [field!.name]: v }));
  useFormKeys('dialog', spec !== null, field?.choices ? 'choice' : 'text', {
    onCancel: () => setSpec(null),
    onEnter: () => {
      if (!spec) return;
      if (focus < last) return setFocus(focus + 1);
      const why = spec.submit(values);
      if (why === null) setSpec(null);
      setError(why);
    },
    onMove: (d) => setFocus(Math.max(0, Math.min(last, focus + d))),
    onChoice: (d) => field?.choices && set(cycle(field.choices, values[field.name] ?? '', d)),
  });
  return {
    form: spec && { title: spec.title, fields: spec.fields, values, focus, error, onEdit: set },
    open: (s) => {
      setSpec(s);
      setValues(initialValues(s.fields));
      setFocus(0);
      setError(null);
    },
  };
}
