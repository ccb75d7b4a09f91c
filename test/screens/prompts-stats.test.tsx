import { describe, it, expect, afterEach } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { startConsole, KEYS } from '../app/driver.js';
import { insertServicePrompt, applySearchExtras } from '../db/prompt-history-seed.js';
import type { Connection } from '../../db/connection.js';
import stringWidth from 'string-width';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CATEGORIES = ['feature', 'bugfix', 'refactor', null];
const STATUSES = ['pending', 'completed', 'failed', 'completed', 'cancelled'];

/** 200 prompts every 13 hours back from now: about 15 weeks, so some fall before the 12 charted. */
function seedVaried(conn: Connection): void {
  const now = Date.now();
  for (let i = 199; i >= 0; i--) {
    const tags = [i % 2 ? 'api' : null, i % 3 === 0 ? 'ui' : null, i % 5 === 0 ? 'db' : null].filter(Boolean);
    const status = STATUSES[i % STATUSES.length]!;
    insertServicePrompt(conn.sqlite, {
      prompt: `${i % 4 === 0 ? 'alpha' : 'beta'} prompt ${i}`,
      category: CATEGORIES[i % CATEGORIES.length],
      tags: JSON.stringify(tags),
      status,
      estimated: i % 3 === 0 ? null : 10 + (i % 7) * 5,
      actual: status === 'completed' && i % 2 === 0 ? 5 + (i % 11) * 4 : status === 'failed' ? 3 : null,
      timestamp: new Date(now - i * 13 * HOUR).toISOString(),
    });
  }
}

interface Expected {
  total: number;
  byStatus: Record<string, number>;
  byCategory: Record<string, number>;
  tags: Record<string, number>;
  durations: { category: string; est: string; act: string; off: string }[];
  average: string;
  thisWeek: number;
  busiest: number;
  weeks: number;
}

/** The statistics of the prompts matching `where`, computed here in SQL. */
function expected(conn: Connection, where: string, ...params: unknown[]): Expected {
  const all = <T,>(sql: string, ...p: unknown[]) => conn.sqlite.prepare(sql).all(...params, ...p) as T[];
  const map = (rows: { name: string | null; n: number }[]) => Object.fromEntries(rows.map((r) => [r.name ?? '(none)', r.n]));
  const now = new Date();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * DAY;
  const first = new Date(monday - 11 * 7 * DAY).toISOString().slice(0, 10);
  const weeks = all<{ w: number; n: number }>(
    `SELECT CAST((julianday(substr(timestamp, 1, 10)) - julianday('${first}')) / 7 AS INTEGER) AS w, count(*) AS n
     FROM prompt_history p WHERE ${where} AND timestamp >= '${first}' GROUP BY w`,
  );
  const avg = all<{ a: number }>(`SELECT avg(actual_duration_minutes) AS a FROM prompt_history p WHERE ${where} AND execution_status = 'completed'`)[0]!.a;
  const pct = (est: number, act: number) => `${act >= est ? '+' : ''}${Math.round(((act - est) / est) * 100)}`;
  const durations = all<{ name: string | null; est: number; act: number }>(
    `SELECT category AS name, avg(estimated_duration_minutes) AS est, avg(actual_duration_minutes) AS act FROM prompt_history p
     WHERE ${where} AND estimated_duration_minutes IS NOT NULL AND actual_duration_minutes IS NOT NULL GROUP BY category`,
  ).map((d) => ({ category: d.name ?? '(none)', est: d.est.toFixed(1), act: d.act.toFixed(1), off: pct(d.est, d.act) }));
  const both = all<{ est: number; act: number }>(
    `SELECT avg(estimated_duration_minutes) AS est, avg(actual_duration_minutes) AS act FROM prompt_history p
     WHERE ${where} AND estimated_duration_minutes IS NOT NULL AND actual_duration_minutes IS NOT NULL`,
  )[0]!;
  if (both.est !== null) durations.push({ category: 'all', est: both.est.toFixed(1), act: both.act.toFixed(1), off: pct(both.est, both.act) });
  return {
    total: all<{ n: number }>(`SELECT count(*) AS n FROM prompt_history p WHERE ${where}`)[0]!.n,
    byStatus: map(all(`SELECT execution_status AS name, count(*) AS n FROM prompt_history p WHERE ${where} GROUP BY 1`)),
    byCategory: map(all(`SELECT category AS name, count(*) AS n FROM prompt_history p WHERE ${where} GROUP BY 1`)),
    tags: map(all(`SELECT j.value AS name, count(*) AS n FROM prompt_history p, json_each(p.tags) j WHERE ${where} GROUP BY 1`)),
    durations,
    average: avg === null ? '-' : `${avg.toFixed(1)} min`,
    thisWeek: weeks.find((w) => w.w === 11)?.n ?? 0,
    busiest: Math.max(0, ...weeks.map((w) => w.n)),
    weeks: weeks.reduce((n, w) => n + w.n, 0),
  };
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The count in a table row `│ label │ 1,234 │ ████░░ │`. */
const barCount = (f: string, label: string): number | null => {
  const m = f.match(new RegExp(`│ ${esc(label)} +│ +([\\d,]+) │ [█░]+ +│`, 'm'));
  return m ? Number(m[1]!.replace(/,/g, '')) : null;
};

/** Every number of the statistics view, checked against SQL. */
function expectStats(f: string, e: Expected): void {
  expect(f).toMatch(new RegExp(`^${e.total.toLocaleString('en-US')} prompts`, 'm'));
  for (const [name, n] of Object.entries(e.byStatus)) expect(barCount(f, name), `status ${name}`).toBe(n);
  for (const [name, n] of Object.entries(e.byCategory)) expect(barCount(f, name), `category ${name}`).toBe(n);
  for (const [name, n] of Object.entries(e.tags)) expect(barCount(f, name), `tag ${name}`).toBe(n);
  expect(f).toContain(`average duration (completed) ${e.average}`);
  expect(f).toContain(`this week ${e.thisWeek} · busiest ${e.busiest} · 12 weeks ${e.weeks}`);
  for (const d of e.durations) expect(f).toMatch(new RegExp(`│ ${esc(d.category)} +│ +${esc(d.est)} │ +${esc(d.act)} │ +${esc(d.off)}% │`));
}

for (const withRollup of [false, true]) {
  describe(`prompt statistics${withRollup ? ' (rollups)' : ' (scanning)'}`, () => {
    it('counts by status, category, tag and week, compares estimates with actuals, and follows the filters', async () => {
      const conn = freshDatabase();
      seedVaried(conn);
      if (withRollup) applySearchExtras(conn.sqlite);
      const c = await startConsole(conn, { initialScreen: 'prompts', columns: 120, rows: 32 });
      stop = c.unmount;
      await c.waitFor('1-26 of 200');
      let f = await c.press('s', 'Prompts per week');
      const all = expected(conn, '1');
      expect(all.total).toBe(200);
      expect(all.weeks).toBeLessThan(200); // the oldest fall outside the chart
      expectStats(f, all);
      // a category picked from its list: the statistics follow it
      await c.press('c', 'Show prompts with category');
      while (
        !(
          c
            .frame()
            .split('\n')
            .find((l) => l.startsWith('│ > ')) ?? ''
        ).includes('bugfix')
      )
        await c.press('j');
      f = await c.press(KEYS.enter, 'category:bugfix');
      f = await c.waitFor((frame) => /^50 prompts/m.test(frame));
      expectStats(f, expected(conn, "category = 'bugfix'"));
      // and a search typed on top of it
      await c.press('/');
      await c.type('prompt 1');
      await c.press(KEYS.enter, 'search prompt 1');
      const e = expected(conn, "category = 'bugfix' AND prompt LIKE '%prompt 1%'");
      expect(e.total).toBeGreaterThan(0);
      f = await c.waitFor((frame) => new RegExp(`^${e.total} prompts`, 'm').test(frame));
      expectStats(f, e);
      // s goes back to the list, filters kept
      f = await c.press('s', ` of ${e.total}`);
      expect(f).toContain('category:bugfix');
    });
  });
}

describe('prompt statistics as tables', () => {
  for (const columns of [60, 120]) {
    it(`draws every table within ${columns} columns, names made inert`, async () => {
      const conn = freshDatabase();
      seedVaried(conn);
      insertServicePrompt(conn.sqlite, {
        prompt: 'hostile',
        category: 'カテゴリ\u001b[2J',
        tags: '["タグ\u0007"]',
        status: 'completed',
        estimated: 10,
        actual: 12,
        timestamp: new Date().toISOString(),
      });
      const c = await startConsole(conn, { initialScreen: 'prompts', columns, rows: 32 });
      stop = c.unmount;
      await c.waitFor(' of 201');
      const f = await c.press('s', 'Top tags');
      const lines = f.split('\n');
      for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(columns);
      expect(lines.filter((l) => /┌─+┬/.test(l)).length).toBeGreaterThanOrEqual(3); // status, category, durations (and tags)
      expect(f).not.toContain('\u001b[2J');
      if (columns === 120) expect(f).toContain('\\x1b[2J'); // at 60 the name is cut first
    });
  }
});
