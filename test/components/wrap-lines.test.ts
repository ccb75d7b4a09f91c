import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { wrapLines } from '../../components/text/wrap.js';

describe('wrapLines', () => {
  it('wraps at spaces and cuts long words, as before, for ASCII', () => {
    expect(wrapLines('the quick brown fox', 9)).toEqual(['the quick', 'brown fox']);
    expect(wrapLines('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapLines('a\nb c', 10)).toEqual(['a', 'b c']);
    expect(wrapLines('', 5)).toEqual(['']);
  });

  it('counts terminal columns, so CJK, emoji and ZWJ sequences never run past the width', () => {
    const text = '日本語のテキストはとても長いです 👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧 🇯🇵🇯🇵🇯🇵🇯🇵🇯🇵 done';
    for (const w of [4, 7, 10, 16]) {
      const lines = wrapLines(text, w);
      for (const l of lines) expect(stringWidth(l), `${JSON.stringify(l)} in ${w}`).toBeLessThanOrEqual(w);
      expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
    }
  });
});
