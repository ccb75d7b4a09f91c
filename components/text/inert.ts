// Text from the database as a person should see it: every character that a terminal would
// interpret, or that would not show at all, is shown as an escape (`\x1b[2J`, `\x07`,
// `\u{200b}`), so what is on screen is what is stored. The one rule for the console and the
// subcommands (src/cli/text.ts re-exports it). Pure: no React, no database.

// What a terminal interprets or a reader cannot see:
// C0 and C1 controls and DEL (tab and newline are handled by mode), every format character
// (zero-width spaces and joiners, bidi marks, embeddings, overrides and isolates, the BOM, the
// soft hyphen, the tag characters of "ASCII smuggling"), line and paragraph separators, lone
// surrogates, variation selectors (below: one after a visible character is kept), the combining
// grapheme joiner and the Hangul fillers (blank letters).
export const HIDDEN = String.raw`[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u034f\u115f\u1160\u3164\uffa0\ufe00-\ufe0f\u{e0100}-\u{e01ef}]`;

// Sequences kept whole although they hold such characters, because they draw one visible emoji:
// emoji joined by ZWJ (👨‍👩‍👧), subdivision flags (🏴 + tag characters + cancel tag), and one
// variation selector right after a visible character (❤️, 葛󠄀).
const EMOJI = String.raw`\p{Extended_Pictographic}(?:\ufe0f|\p{Emoji_Modifier})?`;
const KEPT = String.raw`${EMOJI}(?:\u200d${EMOJI})+|\u{1f3f4}[\u{e0020}-\u{e007e}]+\u{e007f}|[^\p{C}\p{Z}\p{M}][\ufe00-\ufe0f\u{e0100}-\u{e01ef}]`;

// eslint-disable-next-line no-misleading-character-class -- variation selectors stand alone in their class on purpose: each follows the visible character before it
const SCAN = new RegExp(`(${KEPT})|\\r\\n|${HIDDEN}`, 'gu');
const SAFE = /^[\x20-\x7e]*$/;

/** `\xHH` below 256, else `\u{H…}`. */
export const escapeChar = (c: string): string => {
  const cp = c.codePointAt(0)!;
  return cp < 0x100 ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u{${cp.toString(16)}}`;
};

const NAMED: Readonly<Record<string, string>> = { '\r': '\\r', '\t': '\\t' };

/** Any value as text: a BLOB, number or object from a hostile row never throws here. */
export function textOf(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Uint8Array) return `[blob, ${value.length} bytes]`;
  try {
    return String(value);
  } catch {
    return `[${typeof value}]`;
  }
}

/**
 * Text from the database made inert: every control, escape, invisible or reordering character
 * shown as an escape, never interpreted (ESC [2J shows as `\x1b[2J`). One line unless `multiline`:
 * a newline (or CRLF) shows as `↵` and a tab as `\t`; `multiline` keeps newlines and shows a tab as
 * two spaces. Any value is accepted: NULL is '', a BLOB is `[blob, N bytes]`.
 */
export function inert(value: unknown, multiline = false): string {
  const text = textOf(value);
  if (SAFE.test(text)) return text;
  return text.replace(SCAN, (m: string, kept: string | undefined) => {
    if (kept !== undefined) return kept;
    if (m === '\r\n' || m === '\n') return multiline ? '\n' : '↵';
    if (m === '\t') return multiline ? '  ' : '\\t';
    return NAMED[m] ?? escapeChar(m);
  });
}
