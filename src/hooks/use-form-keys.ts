import { useKeypress, type Layer } from '../app/keypress-bus.js';
import { isCommand, type CommandId } from '../keymap/keymap.js';
import type { FormFieldView } from '../../components/form/types.js';

/** What each form does with its keys; the keys themselves are the same in every form. */
export interface FormKeyHandlers {
  /** Esc: leave, nothing written */
  readonly onCancel: () => void;
  /** Enter: the next field, or the submit from the last one */
  readonly onEnter: () => void;
  /** Tab/↓ (1) and ↑ (-1): the focus order */
  readonly onMove: (delta: 1 | -1) => void;
  /** ← → on a choice field */
  readonly onChoice?: (delta: 1 | -1) => void;
  /** a letter typed on a choice field: jump to the option it starts */
  readonly onLetter?: (letter: string) => void;
}

/**
 * The keys of every form (prompt, API key, schedule): Esc cancels, Enter goes on and submits from
 * the last field, Tab/↓ and ↑ move the focus, ← → choose on a choice field. The layer takes every
 * key while the form is open: a text field's keys are its own (TextField, ink-text-input, on the
 * focused field only), so typing `q`, `1` or `?` neither quits, jumps nor opens the help.
 */
export function useFormKeys(layer: Extract<Layer, 'dialog' | 'filter'>, active: boolean, focused: FormFieldView['kind'] | undefined, h: FormKeyHandlers): void {
  useKeypress(
    layer,
    (k) => {
      const is = (command: CommandId): boolean => isCommand(command, k.name);
      if (is('form.cancel')) h.onCancel();
      else if (is('form.submit')) h.onEnter();
      else if (is('form.next')) h.onMove(1);
      else if (is('form.prev')) h.onMove(-1);
      else if (focused === 'choice' && is('form.choice')) h.onChoice?.(k.name === 'left' ? -1 : 1);
      else if (focused === 'choice' && k.input.length === 1 && !k.key.ctrl && !k.key.meta) h.onLetter?.(k.input);
      return true;
    },
    { active, scopes: ['form'] },
  );
}
