// Wide (two-column) code points: CJK, Hangul, fullwidth forms and emoji pictographs.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
const ZERO = /^[\u0300-\u036f\u200b-\u200f\ufe00-\ufe0f]$/u;

const segmenter = new Intl.Segmenter();
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Terminal columns a grapheme takes: 2 for wide characters and emoji, 0 for marks, else 1. */
function columns(grapheme: string): number {
  if (ZERO.test(grapheme)) return 0;
  return WIDE.test(grapheme) ? 2 : 1;
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
  let used = 0;
  let out = '';
  let cut = false;
  for (const { segment } of segmenter.segment(text)) {
    const w = columns(segment);
    if (used + w > width) {
      cut = true;
      break;
    }
    out += segment;
    used += w;
  }
  if (cut) {
    // make room for the ellipsis
    const graphemes = Array.from(segmenter.segment(out), (s) => s.segment);
    while (used + 1 > width && graphemes.length > 0) used -= columns(graphemes.pop()!);
    out = graphemes.join('') + '…';
    used += 1;
  }
  const pad = ' '.repeat(Math.max(0, width - used));
  return align === 'right' ? pad + out : out + pad;
}
