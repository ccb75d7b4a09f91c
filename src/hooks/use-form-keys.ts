import { useKeypress, type Layer } from '../app/keypress-bus.js';
import { isCommand, type CommandId } from '../keymap/keymap.js';
import type { FormControl } from '../../components/form/use-form.js';

/** What a form does when it is done: submit from the last field, or cancel. */
export interface FormKeyHandlers {
  /** Esc: leave, nothing written */
  readonly onCancel: () => void;
  /** Enter on the last field (after its check) */
  readonly onSubmit: () => void;
}

/**
 * The keys of every form (prompt, API key, schedule), bound to its state (components/form):
 * Esc cancels, Enter goes on and submits from the last field, Tab/↓ and ↑ move the focus, ← →
 * and a letter choose on a choice field. The layer takes every key while the form is open: a
 * text field's keys (typing, ← → Home End inside it) are its own (TextField, on the focused field
 * only), so typing `q`, `1` or `?` neither quits, jumps nor opens the help.
 */
export function useFormKeys<K extends string>(layer: Extract<Layer, 'dialog' | 'filter'>, active: boolean, form: FormControl<K>, h: FormKeyHandlers): void {
  useKeypress(
    layer,
    (k) => {
      const is = (command: CommandId): boolean => isCommand(command, k.name);
      const choice = form.focusedKind === 'choice';
      if (is('form.cancel')) h.onCancel();
      else if (is('form.submit')) form.enter(h.onSubmit);
      else if (is('form.next')) form.move(1);
      else if (is('form.prev')) form.move(-1);
      else if (choice && is('form.choice')) form.cycle(k.name === 'left' ? -1 : 1);
      else if (choice && k.input.length === 1 && !k.key.ctrl && !k.key.meta) form.pick(k.input);
      return true;
    },
    { active, scopes: ['form'] },
  );
}
