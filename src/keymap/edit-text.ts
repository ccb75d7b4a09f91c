import type { KeyPress } from './keys.js';

/**
 * What a key does to a one-line text being typed: the new text, or null when the key is not
 * an edit (Enter, Esc, arrows belong to the layer). Backspace deletes the last character,
 * Ctrl-u the whole line, Ctrl-w the last word; pasted text arrives whole.
 */
export function editText(value: string, k: KeyPress): string | null {
  if (k.name === 'backspace' || k.name === 'delete') return Array.from(value).slice(0, -1).join('');
  if (k.name === 'ctrl+u') return '';
  if (k.name === 'ctrl+w') return value.replace(/\S*\s*$/, '');
  if (k.key.ctrl || k.key.meta || k.input === '') return null;
  // eslint-disable-next-line no-control-regex
  const typed = k.input.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  return typed === '' ? null : value + typed;
}
