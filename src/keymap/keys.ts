import type { Key } from 'ink';

/** A key press as the keymap names it: `j`, `G`, `down`, `ctrl+f`, `enter`, `esc`, `pagedown`. */
export interface KeyPress {
  readonly name: string;
  /** the text typed (empty for special keys) */
  readonly input: string;
  readonly key: Key;
}

const SPECIAL: readonly [keyof Key, string][] = [
  ['upArrow', 'up'],
  ['downArrow', 'down'],
  ['leftArrow', 'left'],
  ['rightArrow', 'right'],
  ['pageUp', 'pageup'],
  ['pageDown', 'pagedown'],
  ['home', 'home'],
  ['end', 'end'],
  ['return', 'enter'],
  ['escape', 'esc'],
  ['tab', 'tab'],
  ['backspace', 'backspace'],
  ['delete', 'delete'],
];

/** Names one of Ink's key events the way the keymap writes keys. */
export function keyName(input: string, key: Key): string {
  for (const [flag, name] of SPECIAL) if (key[flag] === true) return name;
  if (key.ctrl && input.length === 1) return `ctrl+${input.toLowerCase()}`;
  return input;
}

export const toKeyPress = (input: string, key: Key): KeyPress => ({ name: keyName(input, key), input, key });

const DISPLAY: Record<string, string> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pageup: 'PgUp',
  pagedown: 'PgDn',
  home: 'Home',
  end: 'End',
  enter: 'Enter',
  esc: 'Esc',
  tab: 'Tab',
};

/** How a key is written for people: `Ctrl-f`, `PgDn`, `↓`. */
export function displayKey(name: string): string {
  if (name.startsWith('ctrl+')) return `Ctrl-${name.slice(5)}`;
  return DISPLAY[name] ?? name;
}
