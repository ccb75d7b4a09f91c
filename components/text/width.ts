import stringWidth from 'string-width';

// Terminal columns from string-width, the table Ink itself lays text out with, so a cell the
// console cuts to N columns is N columns to Ink too: emoji, ZWJ sequences (👩‍💻), flags (🇯🇵),
// CJK and combining marks never shift a column. Pure: the subcommands use it too (src/cli/text.ts).

const segmenter = new Intl.Segmenter();
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Columns `text` takes on a terminal (after `inert`: it holds no escapes). */
export const displayWidth = (text: string): number => (PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text));

/** The longest start of `text` (whole graphemes) that fits in `width` columns, and its columns. */
function head(text: string, width: number): { text: string; used: number; cut: boolean } {
  let used = 0;
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
    const w = stringWidth(segment);
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
