import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keymapMarkdown } from '../src/keymap/keymap.js';

const README = join(import.meta.dirname, '..', 'README.md');
const START = '<!-- keys:start (generated from src/keymap by `UPDATE_README=1 npx vitest run test/readme.test.ts`) -->';
const END = '<!-- keys:end -->';

describe('the README key table', () => {
  it('is the one the keymap generates (the same source as the help overlay and the footer)', () => {
    const text = readFileSync(README, 'utf8');
    const from = text.indexOf(START);
    const to = text.indexOf(END);
    expect(from, 'README lacks the key table markers').toBeGreaterThan(-1);
    const generated = `${START}\n${keymapMarkdown().trim()}\n${END}`;
    if (process.env.UPDATE_README) writeFileSync(README, text.slice(0, from) + generated + text.slice(to + END.length));
    else expect(text.slice(from, to + END.length)).toBe(generated);
  });
});
