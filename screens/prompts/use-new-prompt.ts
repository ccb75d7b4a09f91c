import { logPrompt } from '../../db/actions/prompts.js';
import type { LogPromptOptions } from '../../db/repositories/prompt-history.js';
import type { Confirm } from '../../src/hooks/use-confirm.js';
import { useAction } from '../../src/hooks/use-admin-action.js';
import { useForm, type FormState } from './use-form.js';
import { NEW_PROMPT_FIELDS, newPromptInput, newPromptRefusal } from './prompt-inputs.js';
import type { FormRefusal, FormValues } from '../../components/form/types.js';

export interface NewPrompt {
  /** null when this operator may not change anything: the key is then not offered */
  readonly request: (() => void) | null;
  readonly form: FormState | null;
  readonly dialog: Confirm['dialog'];
}

const preview = (text: string): string => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/** `n`: a form with log-prompt's fields and rules; after a confirmation, one audited insert. */
export function useNewPrompt(): NewPrompt {
  // the one action helper: ask, run in one audited transaction, flash, read again
  const { db, operator, refusal, confirm, run } = useAction('log prompts');
  const form = useForm();
  const log = (text: string, options: LogPromptOptions): void => run(() => `Logged prompt #${logPrompt(db, operator, text, options).id} (pending); audited as prompt:logged.`, 'Not logged');
  const submit = (values: FormValues): FormRefusal | null => {
    const { text, options } = newPromptInput(values);
    const why = newPromptRefusal(text, options);
    if (why) return why;
    const details = [options.category ?? 'no category', options.tags?.length ? `tags ${options.tags.join(', ')}` : 'no tags'].join(', ');
    confirm.ask({ title: 'Log this prompt?', message: `"${preview(text)}" (${details}) will be logged as pending; the audit log records it.`, onYes: () => log(text, options) });
    return null;
  };
  const request = (): void => form.open({ title: 'Log a new prompt', fields: NEW_PROMPT_FIELDS, submit });
  return { request: refusal === null ? request : null, form: form.form, dialog: confirm.dialog };
}
