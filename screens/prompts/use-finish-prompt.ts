import { cancelPrompt, completePrompt, failPrompt } from '../../db/actions/prompts.js';
import type { PromptStatus } from '../../db/repositories/prompt-history-values.js';
import type { Confirm } from '../../src/hooks/use-confirm.js';
import { useAction } from '../../src/hooks/use-admin-action.js';
import { useForm, type FormState } from './use-form.js';
import { MINUTES_FIELD, NOTES_FIELD, notesOf, parseMinutes } from './prompt-inputs.js';

export type Outcome = Exclude<PromptStatus, 'pending'>;

export interface FinishPrompt {
  /** null when this operator may not change anything: the keys are then not offered */
  readonly request: ((outcome: Outcome, prompt: { id: number; executionStatus: string }) => void) | null;
  readonly form: FormState | null;
  readonly dialog: Confirm['dialog'];
}

/**
 * `m` completed (asks notes and actual minutes), `f` failed (asks notes), `x` cancelled: each
 * confirmed, then one audited transaction through db/actions/prompts (the repository's semantics).
 */
export function useFinishPrompt(): FinishPrompt {
  // the one action helper: ask, run in one audited transaction, flash (offering undo), read again
  const { db, operator, refusal, flash, confirm, run } = useAction('finish prompts');
  const form = useForm();
  const finish = (id: number, outcome: Outcome, change: () => unknown): void =>
    run(() => {
      change();
      return `Prompt #${id} is now ${outcome}; audited as prompt:${outcome}.`;
    }, `Not marked ${outcome}`);
  const ask = (id: number, outcome: Outcome, was: string, what: string, change: () => unknown): void =>
    confirm.ask({
      title: `Mark prompt #${id} ${outcome}?`,
      message: `It is ${was}. ${what}The audit log records it.`,
      onYes: () => finish(id, outcome, change),
    });
  const request = (outcome: Outcome, p: { id: number; executionStatus: string }): void => {
    const { id, executionStatus: was } = p;
    if (was === outcome) return flash(`Prompt #${id} is already ${outcome}: nothing to change.`, 'warning');
    if (outcome === 'cancelled') return ask(id, outcome, was, 'It will be set to cancelled with a completion time. ', () => cancelPrompt(db, operator, id));
    const fields = outcome === 'completed' ? [NOTES_FIELD, MINUTES_FIELD] : [NOTES_FIELD];
    form.open({
      title: `Prompt #${id} ${outcome}`,
      fields,
      submit: (v) => {
        const notes = notesOf(v.notes);
        if (outcome === 'failed') {
          ask(id, outcome, was, notes ? `Notes: ${notes}. ` : 'No notes. ', () => failPrompt(db, operator, id, notes));
          return null;
        }
        const minutes = parseMinutes(v.minutes);
        if (!minutes.ok) return { field: 'minutes', text: minutes.error };
        const took = minutes.value === undefined ? 'duration unknown' : `took ${minutes.value} min`;
        ask(id, outcome, was, `${notes ? `Notes: ${notes}; ` : 'No notes; '}${took}. `, () => completePrompt(db, operator, id, { notes, actualDurationMinutes: minutes.value }));
        return null;
      },
    });
  };
  return { request: refusal === null ? request : null, form: form.form, dialog: confirm.dialog };
}
