import React, { useState } from 'react';
import { Text } from 'ink';
import TextInput from 'ink-text-input';
import { ToneText } from './theme/index.js';
import { inert } from './text/inert.js';
import { useKeyInFlight } from './key-in-flight.js';

const ESC = '\u001b';
const CTRL_U = '\u0015';
const CTRL_W = '\u0017';
/** keys that delete: Backspace (DEL or BS) and Delete */
const DELETES: ReadonlySet<string> = new Set(['\u007f', '\b', `${ESC}[3~`]);
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

/** An edit made on the inert form of a value, made on the value itself (the cursor is at the end). */
function onStored(raw: string | null, value: string, shown: string, nextShown: string): string {
  if (raw !== null && DELETES.has(raw)) return Array.from(value).slice(0, -1).join('');
  return nextShown.startsWith(shown) ? value + nextShown.slice(shown.length) : value;
}

export interface TextFieldProps {
  readonly prompt: string;
  readonly value: string;
  /** shown (muted) while the value is empty */
  readonly hint?: string;
  /**
   * The field takes keys: ink-text-input, focused, edits the value. Its owner (a form, a filter,
   * a dialog) gives it to one field only, so exactly one field hears the keys. Without it the
   * value is shown inert, with the same cursor block.
   */
  readonly onChange?: (value: string) => void;
}

/** A line being typed with its cursor at the end (a block; `_` where there is no inverse). */
export function TextField({ prompt, value, hint, onChange }: TextFieldProps) {
  const inFlight = useKeyInFlight();
  // ink-text-input keeps its own cursor: when an edit is refused or altered here it would stand
  // off the text's end, so the input starts afresh (cursor at the end) after each.
  const [generation, setGeneration] = useState(0);
  // The input shows the value inert: a value from the database (an agent id offered, a schedule's
  // prompt) may hold what a terminal would obey. Where that changes how it reads, the edit is
  // taken from the key onto the stored value, and the input starts afresh after it.
  const shown = inert(value);
  const change = (nextShown: string): void => {
    const raw = inFlight();
    const next = shown === value ? nextShown : onStored(raw, value, shown, nextShown);
    const edited = onChange ? editByKey(raw, value, next) : null;
    if (edited !== next || shown !== value || (edited !== null && inert(edited) !== edited)) setGeneration((g) => g + 1);
    if (edited !== null && edited !== value) onChange?.(edited);
  };
  return (
    <Text wrap="truncate-start">
      <ToneText tone="key">{prompt}</ToneText>
      {onChange ? <TextInput key={generation} value={shown} onChange={change} focus showCursor={false} /> : inert(value)}
      <ToneText selected>{'_'}</ToneText>
      {value === '' && hint ? <ToneText tone="muted">{` ${hint}`}</ToneText> : null}
    </Text>
  );
}
