import { displayWidth } from './width.js';

const segmenter = new Intl.Segmenter();

/** Cuts a word wider than `w` columns into pieces of at most `w` columns, by whole graphemes. */
function pieces(word: string, w: number): string[] {
  if (/^[\x20-\x7e]*$/.test(word)) {
    const out: string[] = [];
    for (let i = 0; i < word.length; i += w) out.push(word.slice(i, i + w));
    return out;
  }
  const out: string[] = [];
  let cur = '';
  let used = 0;
  for (const { segment } of segmenter.segment(word)) {
    const cw = displayWidth(segment);
    if (used + cw > w && cur !== '') {
      out.push(cur);
      cur = '';
      used = 0;
    }
    cur += segment;
    used += cw;
  }
  out.push(cur);
  return out;
}

/**
 * Splits text into lines of at most `width` terminal columns (emoji and CJK count two), at spaces
 * where it can; keeps its own newlines.
 */
export function wrapLines(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    let used = 0;
    for (const word of para.split(' ')) {
      const ww = displayWidth(word);
      if (line === '' && used === 0) {
        line = word;
        used = ww;
      } else if (used + 1 + ww <= w) {
        line += ` ${word}`;
        used += 1 + ww;
      } else {
        out.push(line);
        line = word;
        used = ww;
      }
      if (used > w) {
        const parts = pieces(line, w);
        out.push(...parts.slice(0, -1));
        line = parts[parts.length - 1]!;
        used = displayWidth(line);
      }
    }
    out.push(line);
  }
  return out;
}
