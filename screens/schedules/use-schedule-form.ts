import { useReducer } from 'react';
import { useKeypress } from '../../src/app/keypress-bus.js';
import { isCommand, type CommandId } from '../../src/keymap/keymap.js';
import type { ScheduleDraft } from './schedule-draft.js';
import { fieldKind, formReducer, initialFocus, isLastField, type FormAction, type FormSpec, type FormState } from './schedule-form-state.js';

export interface ScheduleFormKeys {
  readonly onSave: () => void;
  readonly onCancel: () => void;
}

/**
 * The form's state and its keys, as every form of the console: Tab/↓ and ↑ move, ← → choose,
 * Enter goes to the next field and saves from the last, Esc leaves without writing. It sits on
 * the filter layer, which takes every key while open, so typing `q`, `6` or `?` into a field
 * neither quits, jumps nor opens the help; the save question (dialog layer) still comes first.
 */
export function useScheduleForm(spec: FormSpec, initial: ScheduleDraft, active: boolean, keys: ScheduleFormKeys): FormState & { readonly edit: (value: string) => void } {
  const [state, dispatch] = useReducer((s: FormState, a: FormAction) => formReducer(spec, s, a), { draft: initial, focus: initialFocus(spec) });
  useKeypress(
    'filter',
    (k) => {
      const is = (command: CommandId): boolean => isCommand(command, k.name);
      const kind = fieldKind(spec, state.draft, state.focus);
      if (is('form.cancel')) keys.onCancel();
      else if (is('form.submit') && !isLastField(spec, state)) dispatch({ type: 'move', delta: 1 });
      else if (is('form.submit')) keys.onSave();
      else if (is('form.next')) dispatch({ type: 'move', delta: 1 });
      else if (is('form.prev')) dispatch({ type: 'move', delta: -1 });
      else if (kind === 'choice' && is('form.choice')) dispatch({ type: 'cycle', delta: k.name === 'left' ? -1 : 1 });
      else if (kind === 'choice' && k.input.length === 1 && !k.key.ctrl && !k.key.meta) dispatch({ type: 'pick', letter: k.input });
      return true; // a text field's keys are its own (ink-text-input): see edit
    },
    { active, scopes: ['form'] },
  );
  return { ...state, edit: (value) => dispatch({ type: 'edit', value }) };
}
