import React, { useState } from 'react';
import { Text, useInput, type Key } from 'ink';
import TextInput from 'ink-text-input';
import { ToneText } from './theme/index.js';
import { inert } from './text/inert.js';
import { useKeyInFlight } from './key-in-flight.js';
import { cursorMove, splitAt, type CursorKey } from './text/cursor.js';

const ESC = '\u001b';
const CTRL_U = '\u0015';
const CTRL_W = '\u0017';
const FORWARD_DELETE = `${ESC}[3~`;
/** keys that delete: Backspace (DEL or BS) and Delete */
const DELETES: ReadonlySet<string> = new Set(['\u007f', '\b', FORWARD_DELETE]);
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * What a key may do to the text: ink-text-input types whatever Ink names as input, Ctrl-u as
 * `u` too; here only typed or pasted text and the delete keys change it, Ctrl-u clears the line
 * and Ctrl-w drops the last word (as in a shell).
 */
export function editByKey(raw: string | null, value: string, next: string): string | null {
  if (raw === null) return next;
  if (raw === CTRL_U) return '';
  if (raw === CTRL_W) return value.replace(/\S*\s*$/, '');
  if (DELETES.has(raw)) return next;
  if (raw.startsWith(ESC) || CONTROL.test(raw)) return null;
  return next;
}

/** An edit made on the inert form of a text, made on the text itself (the cursor is at its end). */
function onStored(raw: string | null, value: string, shown: string, nextShown: string): string {
  if (raw !== null && DELETES.has(raw)) return Array.from(value).slice(0, -1).join('');
  return nextShown.startsWith(shown) ? value + nextShown.slice(shown.length) : value;
}

const CURSOR_KEYS: readonly [keyof Key, CursorKey][] = [
  ['leftArrow', 'left'],
  ['rightArrow', 'right'],
  ['home', 'home'],
  ['end', 'end'],
];

export interface TextFieldProps {
  readonly prompt: string;
  readonly value: string;
  /** shown (muted) while the value is empty */
  readonly hint?: string;
  /**
   * The field takes keys: ink-text-input, focused, edits the value. Its owner (a form, a filter,
   * a dialog) gives it to one field only, so exactly one field hears the keys. Without it the
   * value is shown inert, with the cursor block at its end.
   */
  readonly onChange?: (value: string) => void;
}

/**
 * A line being typed with a visible cursor: a block on the character it stands before, `_` at
 * the end. ←/→ move it a character, Home/End to either end (the field wins these keys: no form,
 * filter or dialog binds them on a text field); typing and Backspace act at it, Delete takes the
 * character under it.
 *
 * ink-text-input does the typing: it is given the text left of the cursor, so what it types and
 * deletes lands at the cursor, and it is started afresh (its own cursor at that text's end)
 * whenever the cursor moves or an edit is refused or altered here.
 */
export function TextField({ prompt, value, hint, onChange }: TextFieldProps) {
  const inFlight = useKeyInFlight();
  const [generation, setGeneration] = useState(0);
  // the cursor as code points from the start; null: at the end (where a new value puts it)
  const [cursor, setCursor] = useState<number | null>(null);
  const { before, after } = splitAt(value, cursor);
  const at = (nextBefore: string, nextAfter: string): void => {
    setCursor(nextAfter === '' ? null : Array.from(nextBefore).length);
    if (nextBefore + nextAfter !== value) onChange?.(nextBefore + nextAfter);
  };
  useInput(
    (_input, key) => {
      // Ink names Backspace (DEL) and Delete alike: the raw key tells them apart
      if (key.delete && inFlight() === FORWARD_DELETE && after !== '') return at(before, Array.from(after).slice(1).join(''));
      const move = CURSOR_KEYS.find(([flag]) => key[flag] === true)?.[1];
      if (!move) return;
      const to = cursorMove(value, cursor, move);
      if (to === cursor) return;
      setCursor(to);
      setGeneration((g) => g + 1);
    },
    { isActive: onChange !== undefined },
  );
  // The input shows the text inert: a value from the database (an agent id offered, a schedule's
  // prompt) may hold what a terminal would obey. Where that changes how it reads, the edit is
  // taken from the key onto the stored text, and the input starts afresh after it.
  const shown = inert(before);
  const change = (nextShown: string): void => {
    const raw = inFlight();
    if (raw === FORWARD_DELETE) return setGeneration((g) => g + 1); // the character after the cursor goes (above), not this one
    const next = shown === before ? nextShown : onStored(raw, before, shown, nextShown);
    const edited = onChange ? editByKey(raw, before, next) : null;
    if (edited !== next || shown !== before || (edited !== null && inert(edited) !== edited)) setGeneration((g) => g + 1);
    if (edited === null) return;
    if (raw === CTRL_U) return at('', ''); // the whole line, as the filter and the forms have always cleared it
    at(edited, after);
  };
  const [under, ...rest] = Array.from(after);
  return (
    <Text wrap="truncate-start">
      <ToneText tone="key">{prompt}</ToneText>
      {onChange ? <TextInput key={generation} value={shown} onChange={change} focus showCursor={false} /> : inert(before)}
      <ToneText selected>{under === undefined ? '_' : inert(under)}</ToneText>
      {rest.length > 0 ? inert(rest.join('')) : null}
      {value === '' && hint ? <ToneText tone="muted">{` ${hint}`}</ToneText> : null}
    </Text>
  );
}
