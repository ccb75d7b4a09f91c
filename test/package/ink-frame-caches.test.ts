import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { styledCharsFromTokens, styledCharsToString, tokenize } from '@alcalzone/ansi-tokenize';
import { describe, expect, it } from 'vitest';

// patches/ink+6.8.0.patch (applied by `npm install`, postinstall: patch-package): Ink keeps the
// styled characters of the lines it drew from one frame to the next instead of tokenizing every
// line of every frame again, takes a line's string from the last frame when its characters are the
// same, and skips the style diff between characters of one run. These check the installed Ink has
// it, that it draws what Ink drew, and that it stays bounded.

interface StyledChar {
  value: string;
  fullWidth: boolean;
  styles: readonly { code: string; endCode: string }[];
}
interface Caches {
  styledChars: Map<string, unknown>;
  getStyledChars(line: string): readonly StyledChar[];
}
interface Clip {
  x1?: number;
  x2?: number;
  y1?: number;
  y2?: number;
}
interface OutputLike {
  caches: Caches;
  write(x: number, y: number, text: string, options: { transformers: unknown[] }): void;
  clip(clip: Clip): void;
  unclip(): void;
  get(): { output: string; height: number };
}
type OutputClass = new (o: { width: number; height: number }) => OutputLike;

const load = async (): Promise<OutputClass> => ((await import(pathToFileURL(join(process.cwd(), 'node_modules/ink/build/output.js')).href)) as { default: OutputClass }).default;

describe('Ink as installed (patched)', () => {
  it('draws a frame from the lines of the frame before without tokenizing them again, and draws them the same', async () => {
    const Output = await load();
    const draw = (lines: string[]): { output: OutputLike; text: string } => {
      const output = new Output({ width: 40, height: lines.length });
      lines.forEach((l, y) => output.write(0, y, l, { transformers: [] }));
      return { output, text: output.get().output };
    };
    const first = draw(['\u001b[1mtitle\u001b[22m', '> row one', '  row two │ ●']);
    const second = draw(['\u001b[1mtitle\u001b[22m', '  row one', '> row two │ ●']);
    expect(second.output.caches).toBe(first.output.caches);
    expect(first.output.caches.styledChars.has('\u001b[1mtitle\u001b[22m')).toBe(true);
    expect(second.text.split('\n')).toEqual(['\u001b[1mtitle\u001b[22m', '  row one', '> row two │ ●']);
    expect(draw(['\u001b[1mtitle\u001b[22m', '> row one', '  row two │ ●']).text).toBe(first.text); // a line from the cache draws as it did
  });

  it('draws each line as Ink 6.8 did, whatever its styles', async () => {
    const Output = await load();
    const E = '\u001b[';
    const lines = [
      'plain text',
      `${E}1mbold ${E}2mand dim${E}22m plain`,
      `${E}31mred ${E}42mon green${E}49m red${E}39m`,
      `${E}7minverse${E}27m ${E}4munder${E}24m ${E}9mstruck${E}29m`,
      `${E}38;5;208morange 256${E}39m ${E}38;2;10;20;30mtrue colour${E}39m`,
      `a ${E}1m${E}31mbold red${E}0m reset all`,
      `\u001b]8;;https://example.com\u0007a link\u001b]8;;\u0007 after`,
      `${E}90m  ${E}39m${E}1m> ${E}22mrow │ ● … ${E}32mok${E}39m`,
    ];
    const width = 60;
    // what Ink 6.8 made of a line written at x = 0: its styled characters, then blank cells, as one string
    const asInk = (line: string): string => {
      const chars = styledCharsFromTokens(tokenize(line));
      const blank = { type: 'char' as const, value: ' ', fullWidth: false, styles: [] };
      return styledCharsToString([...chars, ...Array.from({ length: width - chars.length }, () => blank)]).trimEnd();
    };
    for (let frame = 0; frame < 3; frame++) {
      const order = frame === 1 ? [...lines].reverse() : lines; // the second frame moves every line
      const output = new Output({ width, height: order.length });
      order.forEach((l, y) => output.write(0, y, l, { transformers: [] }));
      expect(output.get().output.split('\n')).toEqual(order.map(asInk));
    }
  });

  it('empties the kept lines once they pass some dozen screens, so memory stays bounded', async () => {
    const Output = await load();
    let caches: Caches | undefined;
    let largest = 0;
    for (let page = 0; page < 40; page++) {
      const output = new Output({ width: 20, height: 40 });
      for (let y = 0; y < 40; y++) output.write(0, y, `page ${page} row ${y}`, { transformers: [] });
      output.get();
      caches = output.caches;
      largest = Math.max(largest, caches.styledChars.size);
    }
    expect(largest).toBeGreaterThan(400); // it did keep lines across frames
    expect(largest).toBeLessThanOrEqual(512 + 40);
    expect(caches!.styledChars.size).toBeLessThan(largest);
  });

  it('keeps a line inside a box that clips (overflow hidden) whole, and still cuts one that crosses its edge', async () => {
    const Output = await load();
    const E = '\u001b[';
    // slice-ansi drops a zero-width character at the end of the range: the line the cache holds
    // says whether Ink sliced it (it did so for every line of a clipped box, in every frame)
    const inside = ['  ab\u200b', `${E}1m> ${E}22mrow │ ● …`, `${E}31mred${E}39m plain`];
    const draw = (clip: Clip | undefined, lines: string[]): { output: OutputLike; text: string[] } => {
      const output = new Output({ width: 30, height: lines.length });
      if (clip) output.clip(clip);
      lines.forEach((l, y) => output.write(2, y, l, { transformers: [] }));
      if (clip) output.unclip();
      return { output, text: output.get().output.split('\n') };
    };
    const clipped = draw({ x1: 0, x2: 30, y1: 0, y2: 3 }, inside);
    expect(clipped.text).toEqual(draw(undefined, inside).text);
    expect(clipped.output.caches.styledChars.has('  ab\u200b')).toBe(true);
    const crossing = draw({ x1: 0, x2: 12, y1: 0, y2: 3 }, ['0123456789abcdef', `${E}31mred and more red${E}39m`]);
    expect(crossing.text).toEqual(['  0123456789', `  ${E}31mred and mo${E}39m`]);
  });

  it('gives every line the styled characters tokenize() gives it, shared between lines', async () => {
    const Output = await load();
    const caches = new Output({ width: 1, height: 1 }).caches;
    const plain = (chars: readonly StyledChar[]) => chars.map((c) => [c.value, c.fullWidth, c.styles.map((st) => `${st.code}/${st.endCode}`).join(' ')]);
    const E = '\u001b[';
    // every code point the fast path takes and those around them, a sample of the rest (their lines
    // go through tokenize() and are only shared), each alone, doubled, beside ASCII, a combining
    // mark, a variation selector and styles: graphemes and widths as tokenize() makes them
    const near = (cp: number): boolean => cp < 0x400 || (cp >= 0x2000 && cp < 0x2800);
    const points = [...Array.from({ length: 0xffff - 0x20 }, (_, i) => i + 0x20).filter((cp) => near(cp) || cp % 61 === 0), 0x1f600, 0x1f1e6, 0x20000];
    const wrong: string[] = [];
    for (const cp of points) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      for (const line of [`a${ch}${ch}b`, `${E}1m${ch}${E}31m${ch}${E}39m ${ch}${E}22m`, `${ch}\u0301${ch}\ufe0f`]) {
        if (JSON.stringify(plain(caches.getStyledChars(line))) !== JSON.stringify(plain(styledCharsFromTokens(tokenize(line))))) wrong.push(`U+${cp.toString(16)} in ${JSON.stringify(line)}`);
      }
    }
    expect(wrong).toEqual([]);
    for (const line of [`${E}38;5;208morange${E}39m ${E}1;4mboth${E}0m`, `${E}mempty`, `${E}31;mx`, `\u001b]8;;https://e.x\u0007link\u001b]8;;\u0007`]) {
      expect(plain(caches.getStyledChars(line)), JSON.stringify(line)).toEqual(plain(styledCharsFromTokens(tokenize(line))));
    }
    // two lines of the same characters, styled alike, hold the very same objects
    const one = caches.getStyledChars(`${E}31m> row${E}39m │ ●`);
    const two = caches.getStyledChars(`${E}31m> ${E}39m${E}31mrow${E}39m │ ●`);
    one.forEach((c, i) => expect(two[i]).toBe(c));
    expect(one[1]!.styles).toBe(one[0]!.styles);
  });
});
