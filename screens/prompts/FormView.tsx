import React from 'react';
import { Form } from '../../components/form/Form.js';
import { formLines } from '../../components/form/form-lines.js';
import type { FormState } from './use-form.js';

const LABEL = 12;

/** Lines the form takes at this width: it measures its own messages (they wrap). */
export const formHeight = (form: FormState, width: number): number => formLines({ fields: form.fields, general: form.general, labelWidth: LABEL, width, boxed: true });

/** A prompt form over the list: the console's one form, boxed. */
export function FormView({ form, width }: { form: FormState; width: number }) {
  return <Form title={form.title} fields={form.fields} focus={form.focus} general={form.general} labelWidth={LABEL} width={width} boxed onEdit={form.onEdit} />;
}
