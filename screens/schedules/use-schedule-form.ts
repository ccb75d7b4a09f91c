import { useReducer } from 'react';
import { useFormKeys } from '../../src/hooks/use-form-keys.js';
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
  useFormKeys('filter', active, fieldKind(spec, state.draft, state.focus), {
    onCancel: keys.onCancel,
    onEnter: () => (isLastField(spec, state) ? keys.onSave() : dispatch({ type: 'move', delta: 1 })),
    onMove: (delta) => dispatch({ type: 'move', delta }),
    onChoice: (delta) => dispatch({ type: 'cycle', delta }),
    onLetter: (letter) => dispatch({ type: 'pick', letter }),
  });
  return { ...state, edit: (value) => dispatch({ type: 'edit', value }) };
}
