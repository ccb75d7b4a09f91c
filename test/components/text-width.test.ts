import { describe, it, expect } from 'vitest';
import stringWidth from 'string-width';
import { displayWidth, isOnePointText } from '../../components/text/width.js';
import inkStringWidth from '../../components/text/ink-string-width.js';

// displayWidth answers without string-width for text whose every code point is a grapheme of its
// own; these check that answer against string-width itself, for every code point it covers.

/** Every code point displayWidth measures by itself (the rest it hands to string-width). */
function* onePointCodePoints(): Generator<string> {
  for (let cp = 0x80; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    if (isOnePointText(ch)) yield ch;
  }
}

describe('displayWidth', () => {
  it('gives string-width’s width for every code point it measures itself, alone and beside letters', () => {
    const wrong: string[] = [];
    let measured = 0;
    for (const ch of onePointCodePoints()) {
      measured++;
      for (const text of [ch, `a${ch}`, `${ch}a`]) {
        if (displayWidth(text) !== stringWidth(text)) wrong.push(`U+${ch.codePointAt(0)!.toString(16)} in ${JSON.stringify(text)}`);
      }
      if (wrong.length > 20) break;
    }
    expect(wrong).toEqual([]);
    expect(measured).toBeGreaterThan(100_000); // CJK, Latin, box drawing...: the check ran on them
  }, 120_000);

  it('measures the text the console draws: borders, CJK, accents, emoji and their sequences', () => {
    const samples = ['─┬─│└┘ ● ○ … · ↑↓', '日本語テキスト', 'añcdéf', 'e\u0301', '👩‍💻 dev', '🇯🇵', '👍🏽', 'ｶﾞ', '1\u20e3', '\u00ad', 'ㅤ', 'ำ'];
    for (const text of samples) expect(displayWidth(text), text).toBe(stringWidth(text));
    expect(isOnePointText('─┬─│└┘ ● ○ … · ↑↓ 日本語 añcdéf')).toBe(true);
  });
});

describe('inkStringWidth (what Ink measures with in the bundle)', () => {
  it('answers as string-width does, escapes and options included', () => {
    const samples = [
      '',
      'plain',
      '\u001b[1m─ bold │\u001b[22m',
      '\u001b[31m日本\u001b[39m',
      '\u009b31m●\u009b39m x',
      '\u001b]8;;https://x\u0007link\u001b]8;;\u0007',
      '👩‍💻 \u001b[2mdim\u001b[22m',
      'a\u0301',
    ];
    for (const text of samples) expect(inkStringWidth(text), JSON.stringify(text)).toBe(stringWidth(text));
    expect(inkStringWidth('±°·', { ambiguousIsNarrow: false })).toBe(stringWidth('±°·', { ambiguousIsNarrow: false }));
    expect(inkStringWidth('\u001b[1mab\u001b[22m', { countAnsiEscapeCodes: true })).toBe(stringWidth('\u001b[1mab\u001b[22m', { countAnsiEscapeCodes: true }));
  });
});
