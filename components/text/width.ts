import { eastAsianWidth } from 'get-east-asian-width';
import stringWidth from 'string-width';

// Terminal columns from string-width, the table Ink itself lays text out with, so a cell the
// console cuts to N columns is N columns to Ink too: emoji, ZWJ sequences (👩‍💻), flags (🇯🇵),
// CJK and combining marks never shift a column. Pure: the subcommands use it too (src/cli/text.ts).

const segmenter = new Intl.Segmenter();
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// Text in which every code point is a grapheme of its own (no marks, joiners, selectors, emoji,
// flags, skin tones, Hangul jamo, controls, default-ignorables, nor the few letters that join a
// neighbour: Thai and Lao sara am, the Prepend letters, Kirat Rai's vowels): accented Latin, Greek,
// Cyrillic, CJK, box drawing...
// Its width is the sum of its code points' widths, found without segmenting (segmenting and
// measuring each grapheme cost ~50-100 us a cell: a screen of non-ASCII cells took tens of ms).
const ONE_POINT_GRAPHEMES =
  /^[^\p{M}\p{C}\p{Extended_Pictographic}\p{Regional_Indicator}\p{Emoji_Modifier}\p{Default_Ignorable_Code_Point}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u0d4e\u0e33\u0eb3\u{111c2}\u{111c3}\u{1193f}\u{11941}\u{11a3a}\u{11a84}-\u{11a89}\u{11d46}\u{113d1}\u{11f02}\u{16d40}-\u{16d7f}]*$/u;

/**
 * string-width's answer for one such code point: its East Asian Width, ambiguous as narrow, which
 * is all string-width does with a lone visible code point that is no emoji and no jamo
 * (test/components/text-width.test.ts checks every code point). Asking string-width itself runs
 * its RGI_Emoji pattern, which V8 takes 50-70 ms to compile the first time: a tenth of the
 * console's start, spent on the first box-drawing line of the first frame.
 */
const pointWidth = (cp: number): number => eastAsianWidth(cp);

/** Whether `text` is measured code point by code point, without string-width (for its test). */
export const isOnePointText = (text: string): boolean => ONE_POINT_GRAPHEMES.test(text);

const segmentWidths = new Map<string, number>();

/** string-width's answer for a grapheme (an emoji, a letter with its marks), kept: a session meets few. */
function segmentWidth(segment: string): number {
  let w = segmentWidths.get(segment);
  if (w === undefined) {
    w = stringWidth(segment);
    if (segmentWidths.size < 65_536 && segment.length <= 32) segmentWidths.set(segment, w);
  }
  return w;
}

/** Columns `text` takes on a terminal (after `inert`: it holds no escapes). */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  if (!ONE_POINT_GRAPHEMES.test(text)) return stringWidth(text);
  let w = 0;
  for (const ch of text) w += pointWidth(ch.codePointAt(0)!);
  return w;
}

/** The graphemes of `text` with their columns: code points when each is one, else segmented. */
function* graphemes(text: string): Generator<[string, number]> {
  if (ONE_POINT_GRAPHEMES.test(text)) {
    for (const ch of text) yield [ch, pointWidth(ch.codePointAt(0)!)];
  } else {
    for (const { segment } of segmenter.segment(text)) yield [segment, segmentWidth(segment)];
  }
}

/** The longest start of `text` (whole graphemes) that fits in `width` columns, and its columns. */
function head(text: string, width: number): { text: string; used: number; cut: boolean } {
  let used = 0;
  let out = '';
  for (const [segment, w] of graphemes(text)) {
    if (used + w > width) return { text: out, used, cut: true };
    out += segment;
    used += w;
  }
  return { text: out, used, cut: false };
}

/** At most `width` columns: cut with `…` when longer, else unchanged. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (PRINTABLE_ASCII.test(text)) return text.length > width ? text.slice(0, width - 1) + '…' : text;
  const first = head(text, width); // stops at the width: a 1 MB cell is not measured whole
  return first.cut ? head(first.text, width - 1).text + '…' : text;
}

/** Fits text into exactly `width` columns: cut with `…` when longer, padded with spaces when shorter. */
export function fitColumns(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  // Nearly every cell is printable ASCII: a column per character, no segmenting (which was
  // ~5 ms of each PgDn at 120x40: some 270 new cells).
  if (PRINTABLE_ASCII.test(text)) {
    const out = text.length > width ? text.slice(0, width - 1) + '…' : text;
    const pad = ' '.repeat(width - Math.min(width, text.length));
    return align === 'right' ? pad + out : out + pad;
  }
  let { text: out, used, cut } = head(text, width);
  if (cut) {
    ({ text: out, used } = head(out, width - 1));
    out += '…';
    used += 1;
  }
  const pad = ' '.repeat(Math.max(0, width - used));
  return align === 'right' ? pad + out : out + pad;
}
