import React from 'react';
import { Form } from '../../components/form/Form.js';
import { formLines, type FormLayout } from '../../components/form/form-lines.js';
import { DIALOG_MAX_WIDTH } from '../../components/dialog-height.js';
import type { NewKeyFormShown } from './use-new-key.js';

const NOTES = ['Enter goes on, Esc cancels; the key is shown once.'];

const layout = (form: NewKeyFormShown, width: number): FormLayout => ({ fields: form.fields, notes: NOTES, width, boxed: true, maxWidth: DIALOG_MAX_WIDTH });

/** The two questions of `n` as the console's one form: agent id, then days to expiry. */
export function NewKeyFormView({ form, width }: { form: NewKeyFormShown; width: number }) {
  return <Form {...layout(form, width)} title="Issue a new API key" focus={form.focus} onEdit={form.onEdit} />;
}

/** Lines the form takes at this width (its messages wrap). */
export const newKeyFormLines = (form: NewKeyFormShown, width: number): number => formLines(layout(form, width));
