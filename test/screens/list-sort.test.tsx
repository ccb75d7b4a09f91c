import { describe, it, expect, afterEach } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedTasks, seedUser } from '../helpers/seed.js';
import { seedSchedule, hoursFromNow } from './schedules-fixtures.js';
import { startConsole, KEYS } from '../app/driver.js';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

const selectedLine = (f: string): string => f.split('\n').find((l) => l.startsWith('> ')) ?? '';
const headerLine = (f: string): string => f.split('\n').find((l) => /Status/.test(l) && /Created|Next run/.test(l)) ?? '';
const taskNumber = (line: string): number => Number(/task number (\d+)/.exec(line)?.[1] ?? NaN);

describe('lists sort by any column (issue 15)', () => {
  it('tasks: < and > move the sort through the columns, ~ reverses it, the header marks it, and paging keeps the order across ties', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedUser(conn.sqlite, 'U_A', 'developer');
    seedUser(conn.sqlite, 'U_B', 'developer');
    const cost = (i: number): number => [3, 1, 2][i % 3]!;
    seedTasks(conn.sqlite, p, 30, (i) => ({ estimatedCost: cost(i), slackUserId: ['U_A', 'U_B', 'U_NONE'][i % 3]! }));
    const c = await startConsole(conn, { initialScreen: 'tasks', columns: 120, rows: 16 });
    stop = c.unmount;
    let f = await c.waitFor('of 30');
    expect(headerLine(f)).toContain('↓Created');
    f = await c.press('<', '↑Prompt'); // from the first column, < wraps to the last
    f = await c.press('<', '↓Cost');
    expect(headerLine(f)).not.toContain('Prompt ↑');
    // every row once, by cost (largest first) then id (largest first among ties), read a page at a time
    const expected = [...Array(30).keys()].sort((a, b) => cost(b) - cost(a) || b - a); // task i has the i-th id
    const seen = [taskNumber(selectedLine(f))];
    for (let i = 1; i < 30; i++) seen.push(taskNumber(selectedLine(await c.press('j'))));
    expect(seen).toEqual(expected);
    // and back up across the pages
    const up = [seen[29]!];
    for (let i = 1; i < 30; i++) up.push(taskNumber(selectedLine(await c.press('k'))));
    expect(up).toEqual([...expected].reverse());
    f = await c.press('~', '↑Cost');
    expect(taskNumber(selectedLine(f))).toBe(1); // the cheapest (1), smallest id first among ties
    f = await c.press('G');
    expect(taskNumber(selectedLine(f))).toBe(27); // the dearest (3), largest id last
    f = await c.press('>', '↑Prompt');
    f = await c.press('>', '↓Created');
    expect(taskNumber(selectedLine(f))).toBe(0);
  });

  it('tasks show who asked by name (the Slack id when no user has it), and the detail shows both', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedUser(conn.sqlite, 'U_A', 'developer');
    seedTasks(conn.sqlite, p, 2, (i) => ({ slackUserId: ['U_A', 'U_NONE'][i]! }));
    const c = await startConsole(conn, { initialScreen: 'tasks', columns: 120 });
    stop = c.unmount;
    const f = await c.waitFor('of 2');
    expect(f.split('\n').find((l) => l.includes('task number 0'))).toContain('name-U_A');
    expect(f.split('\n').find((l) => l.includes('task number 1'))).toContain('U_NONE');
    expect(
      f
        .split('\n')
        .filter((l) => l.includes('task number'))
        .join('\n'),
    ).not.toMatch(/(?<!name-)\bU_A\b/);
    const d = await c.press(KEYS.enter, 'name-U_A (U_A)');
    expect(d).toMatch(/user +name-U_A \(U_A\)/);
  });

  it('help lists the sort keys on a list that sorts', async () => {
    const conn = freshDatabase();
    seedTasks(conn.sqlite, seedProject(conn.sqlite), 2);
    const c = await startConsole(conn, { initialScreen: 'tasks', columns: 120, rows: 40 });
    stop = c.unmount;
    await c.waitFor('of 2');
    const f = await c.press('?', 'reverse the sort');
    expect(f).toContain('sort by the next column to the right');
  });

  it('schedules: next run soonest first, the prompt shown so two schedules can be told apart', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedSchedule(conn.sqlite, { projectId: p, userId: 'U_A', prompt: 'water the plants', nextExecutionAt: hoursFromNow(9), createdAt: '2026-01-03T00:00:00.000Z' });
    seedSchedule(conn.sqlite, { projectId: p, userId: 'U_A', prompt: 'feed the\ncat', nextExecutionAt: hoursFromNow(1), createdAt: '2026-01-01T00:00:00.000Z' });
    seedSchedule(conn.sqlite, { projectId: p, userId: 'U_A', prompt: 'done already', status: 'completed', nextExecutionAt: hoursFromNow(0.5), createdAt: '2026-01-02T00:00:00.000Z' });
    const c = await startConsole(conn, { initialScreen: 'schedules', columns: 160 });
    stop = c.unmount;
    let f = await c.waitFor('1-3 of 3');
    expect(headerLine(f)).toContain('↑Next run');
    expect(headerLine(f)).toContain('Prompt');
    const rows = f.split('\n').filter((l) => /feed the cat|water the plants|done already/.test(l));
    expect(rows.map((l) => /feed the cat|water the plants|done already/.exec(l)![0])).toEqual(['feed the cat', 'water the plants', 'done already']);
    f = await c.press('~', (fr) => fr.includes('↓Next run') && selectedLine(fr).includes('done already'));
    expect(selectedLine(f)).toContain('done already');
  });

  it('users and API keys sort by their columns too', async () => {
    const conn = freshDatabase();
    seedUser(conn.sqlite, 'U_C', 'admin');
    seedUser(conn.sqlite, 'U_A', 'viewer');
    seedUser(conn.sqlite, 'U_B', 'developer');
    const users = await startConsole(conn, { initialScreen: 'users', columns: 120 });
    stop = users.unmount;
    let f = await users.waitFor('of 3');
    expect(f).toContain('↑User');
    expect(selectedLine(f)).toContain('name-U_A');
    f = await users.press('>', '↑Slack id');
    f = await users.press('>', (fr) => fr.includes('↑Role') && selectedLine(fr).includes('admin'));
    expect(selectedLine(f)).toContain('admin');
    f = await users.press('~', (fr) => fr.includes('↓Role') && selectedLine(fr).includes('viewer'));
    expect(selectedLine(f)).toContain('viewer');
    users.unmount();

    const key = conn.sqlite.prepare('INSERT INTO api_keys (id, key, agent_id, created_at, revoked) VALUES (?, ?, ?, ?, 0)');
    const now = Math.floor(Date.now() / 1000);
    key.run('k1', 'bm_aaaaaaaaaaaaaaaa1', 'zeta-agent', now - 10);
    key.run('k2', 'bm_aaaaaaaaaaaaaaaa2', 'alpha-agent', now - 100);
    const keys = await startConsole(conn, { initialScreen: 'api-keys', columns: 120 });
    stop = keys.unmount;
    f = await keys.waitFor('↓Created');
    expect(selectedLine(f)).toContain('zeta-agent');
    f = await keys.press('<', (fr) => fr.includes('↑State') && selectedLine(fr).includes('zeta-agent')); // each column in its own first direction: names and states A-Z
    expect(selectedLine(f)).toContain('zeta-agent'); // both active: by id
    f = await keys.press('<', (fr) => fr.includes('↑Agent') && selectedLine(fr).includes('alpha-agent'));
    expect(selectedLine(f)).toContain('alpha-agent');
    f = await keys.press('>', '↑State');
    f = await keys.press('>', '↓Created');
    f = await keys.press('~', (fr) => fr.includes('↑Created') && selectedLine(fr).includes('alpha-agent'));
    expect(selectedLine(f)).toContain('alpha-agent');
  });

  it('past 50,000 tasks only Created sorts: < and > say why, ~ still reverses', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedTasks(conn.sqlite, p, 3);
    // the list reads a table's size as its highest rowid (free): this file looks past the threshold
    conn.sqlite.prepare('UPDATE tasks SET rowid = 50001 WHERE rowid = (SELECT max(rowid) FROM tasks)').run();
    const c = await startConsole(conn, { initialScreen: 'tasks', columns: 120 });
    stop = c.unmount;
    await c.waitFor('↓Created');
    let f = await c.press('>', 'Sorted by created only');
    expect(f).toContain('↓Created');
    f = await c.press('~', '↑Created');
    expect(taskNumber(selectedLine(f))).toBe(2); // the oldest first
  });
});
