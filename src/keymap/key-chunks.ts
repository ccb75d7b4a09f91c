import type { Key } from 'ink';
import { toKeyPress, type KeyPress } from './keys.js';

/*
 * Ink splits escape sequences out of a read but hands a run of other bytes to useInput as one
 * string: `jjj` from tmux, a paste, key repeat on a busy machine, `\r\x03`. These helpers cut
 * such a chunk into the keys it holds, so none is dropped as one unknown key.
 */

const ESC = '\u001b';
const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
  home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false,
  backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
};

/** A character a person types (not a control character). */
const printable = (ch: string): boolean => {
  const c = ch.codePointAt(0) ?? 0;
  return c >= 0x20 && c !== 0x7f && !(c >= 0x80 && c <= 0x9f);
};

/** Where the escape sequence starting at `i` ends (exclusive): CSI, SS3, or ESC with one character. */
function escapeEnd(s: string, i: number): number {
  const kind = s[i + 1];
  if (kind === '[') {
    let j = i + 2;
    if (s[j] === '[') j++; // the Linux console's ESC [ [ A
    while (j < s.length && /[\x20-\x3f]/.test(s[j]!)) j++;
    return Math.min(j + 1, s.length);
  }
  if (kind === 'O') return Math.min(i + 3, s.length);
  if (kind === undefined) return i + 1;
  return i + 1 + (s.codePointAt(i + 1)! > 0xffff ? 2 : 1);
}

/**
 * The keys of a chunk in order: an escape sequence whole, a control character alone, and a run
 * of printable characters as one piece (a text field may take it as typed text; see pressesOf).
 */
export function splitChunk(chunk: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < chunk.length) {
    if (chunk[i] === ESC) {
      const end = escapeEnd(chunk, i);
      out.push(chunk.slice(i, end));
      i = end;
      continue;
    }
    const first = String.fromCodePoint(chunk.codePointAt(i)!);
    if (!printable(first)) {
      out.push(first);
      i += first.length;
      continue;
    }
    let j = i;
    for (const ch of chunk.slice(i)) {
      if (ch === ESC || !printable(ch)) break;
      j += ch.length;
    }
    out.push(chunk.slice(i, j));
    i = j;
  }
  return out;
}

const CSI_NAMES: Record<string, keyof Key> = {
  A: 'upArrow', B: 'downArrow', C: 'rightArrow', D: 'leftArrow', H: 'home', F: 'end',
  '1~': 'home', '7~': 'home', '4~': 'end', '8~': 'end', '5~': 'pageUp', '6~': 'pageDown', '3~': 'delete',
};

/** Ink's flags for an escape sequence: `ESC [ B` is down, `ESC [ 1 ; 5 B` is down with Ctrl. */
function escapeKey(seq: string): { input: string; key: Key } {
  if (seq === ESC) return { input: '', key: { ...NO_KEY, escape: true, meta: true } };
  const csi = /^\u001b(?:\[\[?|O)(?:(\d+)(?:;(\d+))?)?([A-Za-z~])$/.exec(seq);
  if (!csi) return { input: seq.slice(1), key: { ...NO_KEY, meta: true } };
  const [, num, mod, final] = csi;
  const flag = CSI_NAMES[final === '~' ? `${num}~` : final!];
  const m = mod ? Number(mod) - 1 : 0;
  const key: Key = { ...NO_KEY, shift: (m & 1) !== 0 || final === 'Z', meta: (m & 2) !== 0, ctrl: (m & 4) !== 0 };
  if (final === 'Z') return { input: '', key: { ...key, tab: true } };
  return flag ? { input: '', key: { ...key, [flag]: true } } : { input: seq.slice(1), key: { ...key, meta: true } };
}

/** One key of a chunk as Ink would have named it alone. */
export function pressOf(seq: string): KeyPress {
  if (seq.startsWith(ESC)) {
    const { input, key } = escapeKey(seq);
    return toKeyPress(input, key);
  }
  if (seq === '\r' || seq === '\n') return toKeyPress('', { ...NO_KEY, return: true });
  if (seq === '\t') return toKeyPress('', { ...NO_KEY, tab: true });
  if (seq === '\x7f' || seq === '\b') return toKeyPress('', { ...NO_KEY, backspace: true });
  const code = seq.codePointAt(0) ?? 0;
  // Ctrl-a … Ctrl-z arrive as 0x01 … 0x1a (Ctrl-c is 0x03)
  if (seq.length === 1 && code >= 1 && code <= 26) return toKeyPress(String.fromCharCode(code + 96), { ...NO_KEY, ctrl: true });
  return toKeyPress(seq, { ...NO_KEY, shift: seq.length === 1 && /[A-Z]/.test(seq) });
}

/**
 * The first key of a piece and what is left of it: a text field takes a printable run whole as
 * typed text; anywhere else each character is its own key.
 */
export function takeKey(piece: string, textFocused: boolean): [KeyPress, string] {
  if (piece.startsWith(ESC) || !printable(piece) || textFocused) return [pressOf(piece), ''];
  const first = String.fromCodePoint(piece.codePointAt(0)!);
  return [pressOf(first), piece.slice(first.length)];
}
