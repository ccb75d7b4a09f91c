import { describe, it, expect, afterEach, vi } from 'vitest';

// Colours on, so the raw frame shows how a match is marked.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

import { freshDatabase } from '../helpers/temp-db.js';
import { startConsole, KEYS, strip } from '../app/driver.js';
import { seedPrompts, applySearchExtras } from '../db/prompt-history-seed.js';
import type { Connection } from '../../db/connection.js';

const CTRL_U = '\u0015';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

async function promptsScreen(conn: Connection) {
  const c = await startConsole(conn, { initialScreen: 'prompts', columns: 120 });
  stop = c.unmount;
  await c.waitFor((f) => /\d+-\d+ of [\d,]+\s*$/m.test(f) || f.includes('No prompt'));
  return c;
}

/** Where the prompt column starts at 120 columns: marker, #, logged, status, category, tags. */
const PROMPT_AT = 2 + 8 + 17 + 10 + 14 + 19;

/** The prompt column of each list row on screen. */
const listed = (f: string): string[] =>
  f
    .split('\n')
    .filter((l) => /^[> ] +\d+ \d{4}-/.test(l))
    .map((l) => l.slice(PROMPT_AT).trim());

const SHAPES = [
  { name: 'without the full-text index (scanning)', prepare: (_c: Connection) => {} },
  { name: 'with the full-text index and tag table', prepare: (c: Connection) => applySearchExtras(c.sqlite) },
];

for (const shape of SHAPES) {
  describe(`searching as you type, ${shape.name}`, () => {
    async function seeded() {
      const conn = freshDatabase();
      seedPrompts(conn.sqlite);
      shape.prepare(conn);
      return { conn, c: await promptsScreen(conn) };
    }

    it('narrows the list while typing, without Enter, and highlights each match in the visible rows', async () => {
      const { c } = await seeded();
      expect(c.frame()).toContain('1-12 of 12');
      await c.press('/');
      await c.type('AUTH');
      const f = await c.waitFor('1-2 of 2');
      expect(f).toContain('/AUTH_'); // still typing: no Enter was pressed
      expect(listed(f)).toEqual(['Update docs ‹context› API reference for AUTHENT…', 'Add user authentication']);
      // The match is drawn in another style than the text around it, in the selected row and the others.
      const raw = c.ink.lastFrame() ?? '';
      const styled = (text: string) => new RegExp(`\\u001b\\[[0-9;]*m${text}\\u001b\\[`);
      expect(raw).toMatch(styled('AUTH'));
      expect(raw).toMatch(styled('auth'));
      expect(strip(raw)).toBe(f);
    });

    it('treats % _ quotes and backslashes as plain characters, as history --search does', async () => {
      const { c } = await seeded();
      const search = async (q: string): Promise<string[]> => {
        await c.press('/');
        await c.tap(CTRL_U);
        await c.type(q);
        await c.press(KEYS.enter, `search ${q}`);
        return listed(c.frame());
      };
      expect(await search('100%')).toEqual(['Raise coverage to 100% today']);
      expect(await search('50_%')).toEqual(['abcabc repeated … ‹context› ctx with 50_% both']);
      expect(await search('snake_case')).toEqual(['Rename snake_case keys']);
      expect(await search('snake%')).toEqual([]);
      expect(c.frame()).toContain('No prompt matches.');
      expect(await search('"quoted"')).toEqual(['Fix "quoted" title bug']);
      expect(await search("O'Brien")).toEqual(["Don't break O'Brien's import"]);
      expect(await search('C:\\temp')).toEqual(['Escape C:\\temp\\path handling']);
      // one character cannot use the index: it waits for Enter, then finds every literal %
      await c.press('/');
      await c.tap(CTRL_U);
      let f = await c.type('%');
      expect(f).toContain('Enter searches now');
      f = await c.press(KEYS.enter, 'search %');
      expect(listed(f)).toEqual(['abcabc repeated … ‹context› ctx with 50_% both', 'percent sign alone % here', 'Raise coverage to 100% today']);
    });

    it('never lets an older query win: keys typed faster than the list follows end on the last query', async () => {
      const { c } = await seeded();
      await c.press('/');
      // one key per read, as a terminal sends them, without waiting for a frame between them
      for (const k of ['s', 'e', 'c', 'u', KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace, 'a', 'p', 'i', ' ', 'r', 'e', 'f']) {
        c.ink.stdin.write(k);
        await new Promise((r) => setImmediate(r));
      }
      let f = await c.waitFor('1-1 of 1');
      expect(listed(f)).toEqual(['Update docs ‹context› API reference for AUTHENT…']);
      // and nothing later replaces it
      await new Promise((r) => setTimeout(r, 400));
      f = c.frame();
      expect(f).toContain('/api ref_');
      expect(listed(f)).toEqual(['Update docs ‹context› API reference for AUTHENT…']);
      f = await c.press(KEYS.esc, '1-12 of 12'); // Esc clears the search
      expect(f).toContain('/ to search');
    });
  });
}
