import { describe, it, expect, afterEach } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { startConsole, KEYS } from '../app/driver.js';
import { seedPrompts, insertServicePrompt, applySearchExtras } from '../db/prompt-history-seed.js';
import type { Connection } from '../../db/connection.js';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

async function promptsScreen(conn: Connection) {
  const c = await startConsole(conn, { initialScreen: 'prompts', columns: 120, rows: 30 });
  stop = c.unmount;
  await c.waitFor((f) => /\d+-\d+ of [\d,]+\s*$/m.test(f));
  return c;
}

const selectedLine = (f: string): string => f.split('\n').find((l) => l.startsWith('> ')) ?? '';
/** The selected choice of the open filter list (inside its frame). */
const chosen = (f: string): string => f.split('\n').find((l) => l.startsWith('│ > ')) ?? '';
/** The count a filter list shows beside a choice. */
const countBeside = (f: string, label: string): number | null => {
  const line = f.split('\n').find((l) => new RegExp(`^[│ ]+[> ] ${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +[\\d,]+ +│?$`).test(l));
  const m = line?.match(/([\d,]+) +│?$/);
  return m ? Number(m[1]!.replace(/,/g, '')) : null;
};
/** Opens a filter list and waits for its counts (read after the list's first frame). */
const openList = async (c: Awaited<ReturnType<typeof promptsScreen>>, key: string, title: string): Promise<string> => {
  await c.press(key, title);
  return c.waitFor((f) => f.includes(title) && /^│ [> ] .*\S +[\d,]+ +│$/m.test(f));
};
const sqlCounts = (conn: Connection, sql: string, ...params: unknown[]) => Object.fromEntries((conn.sqlite.prepare(sql).all(...params) as { name: string; n: number }[]).map((r) => [r.name, r.n]));

describe('filters picked from lists with counts', () => {
  for (const withIndex of [false, true]) {
    it(`narrow by category, then status, then tag, each list counting what the other filters leave${withIndex ? ' (tag table)' : ''}`, async () => {
      const conn = freshDatabase();
      seedPrompts(conn.sqlite);
      if (withIndex) applySearchExtras(conn.sqlite);
      const c = await promptsScreen(conn);
      let f = await openList(c, 'c', 'Show prompts with category');
      const categories = sqlCounts(conn, 'SELECT category AS name, count(*) AS n FROM prompt_history WHERE category IS NOT NULL GROUP BY category');
      expect(Object.keys(categories).length).toBe(5);
      for (const [name, n] of Object.entries(categories)) expect(countBeside(f, name), name).toBe(n);
      expect(countBeside(f, 'any')).toBe(12);
      expect(chosen(f)).toContain('any'); // on the filter in force
      while (!chosen(c.frame()).includes('feature')) await c.press('j');
      f = await c.press(KEYS.enter, 'category:feature');
      expect(f).toContain('1-2 of 2');

      f = await openList(c, 'e', 'Show prompts with status');
      const statuses = sqlCounts(conn, "SELECT execution_status AS name, count(*) AS n FROM prompt_history WHERE category = 'feature' GROUP BY 1");
      expect(statuses).toEqual({ completed: 2 });
      expect(countBeside(f, 'completed')).toBe(2);
      for (const s of ['pending', 'failed', 'cancelled']) expect(countBeside(f, s)).toBe(0);
      while (!chosen(c.frame()).includes('completed')) await c.press('j');
      f = await c.press(KEYS.enter, 'status:completed');

      f = await openList(c, 't', 'Show prompts with tag');
      const tags = sqlCounts(
        conn,
        "SELECT j.value AS name, count(DISTINCT p.id) AS n FROM prompt_history p, json_each(p.tags) j WHERE json_valid(p.tags) AND json_type(p.tags) = 'array' AND j.type = 'text' AND p.category = 'feature' AND p.execution_status = 'completed' GROUP BY 1",
      );
      expect(tags).toEqual({ security: 1, auth: 1, tests: 1 });
      for (const [name, n] of Object.entries(tags)) expect(countBeside(f, name)).toBe(n);
      expect(f).not.toContain('windows');
      while (!chosen(c.frame()).includes('tests')) await c.press('j');
      f = await c.press(KEYS.enter, 'tag:tests');
      expect(f).toContain('category:feature status:completed tag:tests');
      expect(f).toContain('1-1 of 1');
      expect(selectedLine(f)).toContain('Raise coverage to 100% today');

      // Esc leaves a list without changing anything; "any" turns one filter off
      await openList(c, 'c', 'Show prompts with category');
      f = await c.press(KEYS.esc, '1-1 of 1');
      expect(f).toContain('category:feature status:completed tag:tests');
      await openList(c, 't', 'Show prompts with tag');
      while (!chosen(c.frame()).includes('any')) await c.press('k');
      f = await c.press(KEYS.enter, '1-2 of 2');
      expect(f).toContain('category:feature status:completed');
      expect(f).not.toContain('tag:');
      // Esc on the list clears the search and every filter
      await c.press('/');
      await c.type('user');
      f = await c.press(KEYS.enter, 'search user');
      expect(f).toContain('1-1 of 1');
      f = await c.press(KEYS.esc, '1-12 of 12');
      expect(f).not.toContain('category:');
    });
  }
});

describe('a long list', () => {
  function seedMany(conn: Connection, n: number): void {
    for (let i = 1; i <= n; i++)
      insertServicePrompt(conn.sqlite, { prompt: `prompt number ${i} ${i % 2 ? 'odd' : 'even'}`, tags: i % 3 ? '["x"]' : '["third"]' }, new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString());
  }

  it('pages down and up and jumps to both ends by keyset, filtered or not, and says where it is', async () => {
    const conn = freshDatabase();
    seedMany(conn, 90);
    applySearchExtras(conn.sqlite);
    const c = await promptsScreen(conn); // 24 rows on screen
    expect(c.frame()).toContain('1-24 of 90');
    expect(selectedLine(c.frame())).toContain('prompt number 90 even');
    expect(selectedLine(await c.press(KEYS.pageDown))).toContain('prompt number 66 even');
    expect(selectedLine(await c.press('G'))).toContain('prompt number 1 odd');
    expect(c.frame()).toContain('67-90 of 90');
    expect(selectedLine(await c.press(KEYS.pageUp))).toContain('prompt number 25 odd');
    expect(selectedLine(await c.press('k'))).toContain('prompt number 26 even');
    expect(selectedLine(await c.press('g'))).toContain('prompt number 90 even');
    // the same through the full-text index
    await c.press('/');
    await c.type('odd');
    await c.press(KEYS.enter, '1-24 of 45');
    expect(selectedLine(await c.press('G'))).toContain('prompt number 1 odd');
    expect(selectedLine(await c.press(KEYS.pageUp))).toContain('prompt number 49 odd');
    // and through the tag table
    await c.press(KEYS.esc, '1-24 of 90');
    await openList(c, 't', 'Show prompts with tag');
    while (!chosen(c.frame()).includes('third')) await c.press('j');
    await c.press(KEYS.enter, '1-24 of 30');
    expect(selectedLine(await c.press(KEYS.end))).toContain('prompt number 3 odd');
    expect(selectedLine(await c.press(KEYS.up))).toContain('prompt number 6 even');
  });
});

describe('the category list offers (none)', () => {
  for (const withIndex of [false, true]) {
    it(`(none) shows the prompts with no category, and the other lists count them${withIndex ? ' (search extras and rollups)' : ''}`, async () => {
      const conn = freshDatabase();
      seedPrompts(conn.sqlite);
      insertServicePrompt(conn.sqlite, { prompt: 'uncategorised and failed', status: 'failed' });
      if (withIndex) applySearchExtras(conn.sqlite);
      const none = sqlCounts(conn, 'SELECT execution_status AS name, count(*) AS n FROM prompt_history WHERE category IS NULL GROUP BY 1');
      const total = Object.values(none).reduce((a, b) => a + b, 0);
      expect(total).toBeGreaterThan(1);
      const c = await promptsScreen(conn);
      let f = await openList(c, 'c', 'Show prompts with category');
      expect(countBeside(f, '(none)')).toBe(total);
      while (!chosen(c.frame()).includes('(none)')) await c.press('j');
      f = await c.press(KEYS.enter, 'category:(none)');
      await c.waitFor(`1-${total} of ${total}`);
      expect(c.frame()).toContain('uncategorised and failed');
      f = await openList(c, 'e', 'Show prompts with status');
      for (const [status, n] of Object.entries(none)) expect(countBeside(f, status), status).toBe(n);
      // the list returns to the choice in force
      await c.press(KEYS.esc, 'category:(none)');
      f = await openList(c, 'c', 'Show prompts with category');
      expect(chosen(f)).toContain('(none)');
    });
  }
});
