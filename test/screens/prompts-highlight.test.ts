import { describe, expect, it } from 'vitest';
import { excerptAround, findMatch, highlightSegments } from '../../screens/prompts/highlight.js';
import { foldCase } from '../../db/search/fold.js';

describe('search highlight folds case as the search does (all of Unicode)', () => {
  it('highlights Ωmega for ωMEGA, and ASCII, Greek final sigma, Kelvin sign as the search matches them', () => {
    expect(highlightSegments('Fix the Ωmega login', 'ωMEGA')).toEqual([
      { text: 'Fix the ', match: false },
      { text: 'Ωmega', match: true },
      { text: ' login', match: false },
    ]);
    expect(
      highlightSegments('ΟΔΟΣ and οδοσ', 'οδοσ')
        .filter((s) => s.match)
        .map((s) => s.text),
    ).toEqual(['ΟΔΟΣ', 'οδοσ']);
    expect(findMatch('Kelvin \u212A sign', 'kelvin k')).toBe(0);
    expect(findMatch('İstanbul', 'İSTANBUL')).toBe(0);
    expect(findMatch('100% _done_', '%')).toBe(3);
    expect(excerptAround(`${'x'.repeat(60)} Ωmega`, 'ωmega', 20)).toMatch(/^…x+ Ωmega$/);
  });

  it('the fold keeps every UTF-16 length, so a match found in the folded text is at the same place in the text', () => {
    const changed: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (foldCase(ch).length !== ch.length) changed.push(cp.toString(16));
    }
    expect(changed).toEqual([]);
  });
});
