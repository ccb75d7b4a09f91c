import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { inert } from '../../components/text/inert.js';
import { fitColumns } from '../../components/text/width.js';
import { inert as cliInert, inertJson, displayWidth, truncate } from '../../src/cli/text.js';

describe('inert: what a person sees is what is stored', () => {
  it('shows escape sequences and controls as escapes, never deleting them', () => {
    expect(inert('a\u001b[2Jb')).toBe('a\\x1b[2Jb');
    expect(inert('bell\u0007')).toBe('bell\\x07');
    // OSC 52 (write the clipboard) and OSC 8 (a hyperlink whose text hides its target): the payload is on screen
    expect(inert('x\u001b]52;c;cm0gLXJmIH4=\u0007y')).toBe('x\\x1b]52;c;cm0gLXJmIH4=\\x07y');
    expect(inert('\u001b]8;;https://evil.example\u001b\\safe\u001b]8;;\u001b\\')).toBe('\\x1b]8;;https://evil.example\\x1b\\safe\\x1b]8;;\\x1b\\');
    expect(inert('c1 \u009b31m del \u007f nul \u0000')).toBe('c1 \\x9b31m del \\x7f nul \\x00');
    expect(inert('cr\rx')).toBe('cr\\rx');
  });

  it('shows zero-width, invisible, separator and bidi characters as escapes', () => {
    expect(inert('zero\u200bwidth')).toBe('zero\\u{200b}width');
    for (const c of ['\u200c', '\u200d', '\u200e', '\u200f', '\ufeff', '\u2060', '\u2028', '\u2029', '\u202e', '\u2066', '\u2069', '\u3164']) {
      expect(inert(`a${c}b`)).toBe(`a\\u{${c.codePointAt(0)!.toString(16)}}b`);
    }
    expect(inert('soft\u00adhyphen')).toBe('soft\\xadhyphen');
    // the tag characters of "ASCII smuggling" (invisible text an LLM reads) and stacked variation selectors
    expect(inert('ok\u{e0049}\u{e0047}')).toBe('ok\\u{e0049}\\u{e0047}');
    expect(inert('a\ufe0f\ufe0f')).toBe('a\ufe0f\\u{fe0f}');
  });

  it('keeps emoji that draw one picture: ZWJ sequences, flags, a variation selector, skin tones', () => {
    for (const e of ['👨‍👩‍👧', '👩🏽‍💻', '🏳️‍🌈', '🇯🇵', '🏴󠁧󠁢󠁥󠁮󠁧󠁿', '❤️', '1️⃣', '日本語', 'é', 'Ωmega']) expect(inert(e)).toBe(e);
  });

  it('one line shows a newline as ↵ and a tab as \\t; multiline keeps newlines', () => {
    expect(inert('a\nb\r\nc\td')).toBe('a↵b↵c\\td');
    expect(inert('a\nb\r\nc\td\u001b[0m', true)).toBe('a\nb\nc  d\\x1b[0m');
  });

  it('takes any value without throwing: NULL, numbers, BLOBs, objects', () => {
    expect(inert(null)).toBe('');
    expect(inert(undefined)).toBe('');
    expect(inert(42)).toBe('42');
    expect(inert(12n)).toBe('12');
    expect(inert(Buffer.from([0x1b, 0x5b, 0x32, 0x4a]))).toBe('[blob, 4 bytes]');
    expect(inert(new Uint8Array(3))).toBe('[blob, 3 bytes]');
    expect(() => inert(Object.create(null))).not.toThrow();
    expect(() => inert(Symbol('s'))).not.toThrow();
  });

  it('is the same rule in the console and the subcommands', () => {
    for (const s of ['a\u001b[2Jb', 'x\u200by', '👨‍👩‍👧\u0007', 'l\u2028p']) expect(cliInert(s)).toBe(inert(s));
  });

  it('JSON output escapes what JSON.stringify leaves raw, and stays valid JSON with the same value', () => {
    const value = { s: 'c1\u009b del\u007f zw\u200b bidi\u202e tag\u{e0041} nl\nend' };
    const json = inertJson(JSON.stringify(value, null, 2));
    expect(json).not.toMatch(/[\u007f-\u009f\u200b\u202e\u{e0041}]/u);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('widths: as Ink lays text out (string-width)', () => {
  const cells = ['👨‍👩‍👧 family', '🇯🇵 flag', '🏴󠁧󠁢󠁥󠁮󠁧󠁿 england', '👩🏽‍💻 dev', '❤️ love', '日本語テキスト', 'e\u0301 combining', '1️⃣ keycap', 'plain ascii'];

  it('fitColumns makes every cell exactly the width, for emoji, ZWJ sequences and flags too', () => {
    for (const c of cells) {
      for (const w of [1, 2, 3, 5, 8, 12, 30]) expect(stringWidth(fitColumns(c, w)), `${c} in ${w}`).toBe(w);
    }
    expect(fitColumns('👨‍👩‍👧 family', 10)).toBe('👨‍👩‍👧 family ');
    expect(fitColumns('🇯🇵🇯🇵🇯🇵', 5)).toBe('🇯🇵🇯🇵…');
  });

  it('the subcommands measure and cut the same way', () => {
    for (const c of cells) {
      expect(displayWidth(c)).toBe(stringWidth(c));
      for (const w of [2, 4, 7]) expect(stringWidth(truncate(c, w))).toBeLessThanOrEqual(w);
    }
    expect(displayWidth('👨‍👩‍👧')).toBe(2);
    expect(truncate('👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧', 5)).toBe('👨‍👩‍👧👨‍👩‍👧…');
  });
});
