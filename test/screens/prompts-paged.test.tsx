import { describe, it, expect, afterEach } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { startConsole, KEYS } from '../app/driver.js';
import { insertServicePrompt, applySearchExtras } from '../db/prompt-history-seed.js';
import type { Connection } from '../../db/connection.js';
import { promptListSource } from '../../db/views/prompts.js';
import { PromptHistoryReader } from '../../db/repositories/prompt-history-reader.js';
import type { PromptFilters } from '../../db/repositories/prompt-history-query.js';
import type { ListSource } from '../../db/views/keyset.js';
import type { DecodedPrompt } from '../../db/repositories/prompt-history-values.js';

// Issue 14 item 6: the prompts list is a ListSource (db/views/prompts.ts) paged by the same
// pipeline as the other lists (usePagedList), not a pipeline of its own.

let stop: (() => void) | undefined;
afterEach(() => stop?.());

/** 90 prompts; every third mentions a needle, every fifth is failed. */
function seed(conn: Connection): void {
  for (let i = 1; i <= 90; i++) {
    const text = `prompt number ${i}${i % 3 === 0 ? ' with a needle' : ''}`;
    insertServicePrompt(conn.sqlite, { prompt: text, status: i % 5 === 0 ? 'failed' : 'completed', tags: i % 2 ? '["odd"]' : '["even"]' }, new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString());
  }
}

const SHAPES = [
  { name: 'scanning', prepare: (_c: Connection) => {} },
  { name: 'with the full-text index and tag table', prepare: (c: Connection) => applySearchExtras(c.sqlite) },
];

/** Reads a whole list through a source: forward page by page, then back from the end. */
function walk(source: ListSource<DecodedPrompt>, size: number): { down: number[]; up: number[] } {
  const down: number[] = [];
  let page = source.page({ kind: 'first' }, size);
  while (page.length) {
    down.push(...page.map((p) => p.id));
    page = source.page({ kind: 'after', cursor: source.cursorOf(page[page.length - 1]!) }, size);
  }
  const up: number[] = [];
  page = source.page({ kind: 'last' }, size);
  while (page.length) {
    up.unshift(...page.map((p) => p.id));
    page = source.page({ kind: 'before', cursor: source.cursorOf(page[0]!) }, size);
  }
  return { down, up };
}

for (const shape of SHAPES) {
  describe(`the prompts ListSource, ${shape.name}`, () => {
    const cases: PromptFilters[] = [{}, { search: 'needle' }, { search: 'NEEDLE', status: 'failed' }, { tag: 'odd', search: 'needle' }];
    for (const filters of cases) {
      it(`pages both ways over exactly the reader's rows, and counts them: ${JSON.stringify(filters)}`, () => {
        const conn = freshDatabase();
        seed(conn);
        shape.prepare(conn);
        const reader = new PromptHistoryReader(conn.sqlite);
        const expected = reader.findAll({ ...filters, limit: 1000 }).map((p) => p.id);
        expect(expected.length).toBeGreaterThan(0);
        const source = promptListSource(conn.db, filters);
        const { down, up } = walk(source, 7);
        expect(down).toEqual(expected);
        expect(up).toEqual(expected);
        // reload in place ('from') starts at the row itself
        const third = source.page({ kind: 'first' }, 3)[2]!;
        expect(source.page({ kind: 'from', cursor: source.cursorOf(third) }, 2).map((p) => p.id)).toEqual(expected.slice(2, 4));
        expect(source.counter.countRange(1, source.counter.maxRowid())).toBe(reader.count(filters));
        expect(source.unfiltered).toBe(Object.keys(filters).length === 0);
      });
    }
  });
}

describe('the prompts screen on the list pipeline', () => {
  for (const shape of SHAPES) {
    it(`PgDn and PgUp after a search show the reader's rows page by page (${shape.name})`, async () => {
      const conn = freshDatabase();
      seed(conn);
      shape.prepare(conn);
      const reader = new PromptHistoryReader(conn.sqlite);
      const c = await startConsole(conn, { initialScreen: 'prompts', columns: 120, rows: 16 });
      stop = c.unmount;
      await c.waitFor((f) => /\d+-\d+ of [\d,]+\s*$/m.test(f));
      await c.press('/');
      await c.type('needle');
      await c.waitFor('of 30');
      await c.press(KEYS.enter);
      const ids = (f: string): number[] =>
        f
          .split('\n')
          .filter((l) => /^[> ] +\d+ \d{4}-/.test(l))
          .map((l) => Number(l.slice(2).trim().split(' ')[0]));
      const all = reader.findAll({ search: 'needle', limit: 100 }).map((p) => p.id);
      const first = ids(c.frame());
      const size = first.length;
      expect(size).toBeGreaterThan(3);
      expect(first).toEqual(all.slice(0, size));
      expect(c.frame()).toContain(`1-${size} of 30`);
      let f = await c.press(KEYS.pageDown);
      f = await c.press(KEYS.pageDown);
      const second = ids(f);
      // the window moved by keyset: whatever it shows is a run of the reader's rows, past the first page
      const at = all.indexOf(second[0]!);
      expect(at).toBeGreaterThan(0);
      expect(second).toEqual(all.slice(at, at + second.length));
      f = await c.press('G');
      expect(ids(f)).toEqual(all.slice(all.length - ids(f).length));
      f = await c.press(KEYS.pageUp);
      f = await c.press(KEYS.pageUp);
      const back = ids(f);
      const from = all.indexOf(back[0]!);
      expect(back).toEqual(all.slice(from, from + back.length));
      f = await c.press('g');
      expect(ids(f)).toEqual(all.slice(0, size));
      // a literal search: `name:value` text is searched as it is, not said to be an unknown field
      await c.press('/');
      await c.tap('\u0015');
      await c.type('needle ok:x');
      f = await c.press(KEYS.enter, 'No prompt matches.');
      expect(f).not.toContain('No field');
    });
  }
});
