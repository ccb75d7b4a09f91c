import { describe, it, expect, afterEach } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedTask, minutesAgo } from '../helpers/seed.js';
import { startConsole, KEYS } from '../app/driver.js';
import { taskFtsExtra } from '../../db/search/task-fts.js';
import type { Connection } from '../../db/connection.js';

// The Tasks filter searches as you type where the tasks' full-text index serves the text (a
// migrated file), narrowing the list at each pause without Enter; before `migrate` it scans, so it
// waits for Enter, and finds the same rows.

let stop: (() => void) | undefined;
afterEach(() => stop?.());

const listed = (f: string, all: readonly string[]): string[] => all.filter((p) => f.includes(p));

const PROMPTS = ['kubectl apply the charts', 'kubernetes upgrade to 1.31', 'Kubernetes Ωmega cluster', 'render a cube map', 'plan the week'];

function seeded(indexed: boolean): Connection {
  const conn = freshDatabase();
  const p = seedProject(conn.sqlite, { name: 'web' });
  PROMPTS.forEach((prompt, i) =>
    seedTask(conn.sqlite, { projectId: p, prompt, status: i === 2 ? 'failed' : 'completed', result: i === 4 ? 'Kubernetes not needed' : null, createdAt: minutesAgo(i + 1) }),
  );
  if (indexed) taskFtsExtra.apply(conn.sqlite, () => {});
  return conn;
}

async function tasksScreen(conn: Connection) {
  const c = await startConsole(conn, { initialScreen: 'tasks', columns: 140 });
  stop = c.unmount;
  await c.waitFor('1-5 of 5');
  return c;
}

describe('Tasks filter, searching as you type', () => {
  it('with tasks_fts: narrows the list per key while typing, without Enter, with the field filters too', async () => {
    const c = await tasksScreen(seeded(true));
    await c.press('/');
    await c.type('ku'); // two characters: the index cannot serve them, nothing applied yet
    expect(c.frame()).toContain('1-5 of 5');
    await c.type('b');
    let f = await c.waitFor('1-4 of 4'); // kub: the three prompts and the result
    expect(listed(f, PROMPTS)).toEqual(['kubectl apply the charts', 'kubernetes upgrade to 1.31', 'Kubernetes Ωmega cluster', 'plan the week']);
    await c.type('er');
    f = await c.waitFor('1-3 of 3');
    expect(listed(f, PROMPTS)).toEqual(['kubernetes upgrade to 1.31', 'Kubernetes Ωmega cluster', 'plan the week']);
    await c.type('netes ωMEGA');
    f = await c.waitFor('1-1 of 1');
    expect(listed(f, PROMPTS)).toEqual(['Kubernetes Ωmega cluster']);
    expect(f).toContain('kubernetes ωMEGA'); // still typing: the filter line is open
    await c.press(KEYS.esc, '1-5 of 5');
    await c.press('/');
    await c.type('status:completed kubernetes');
    f = await c.waitFor('1-2 of 2');
    expect(listed(f, PROMPTS)).toEqual(['kubernetes upgrade to 1.31', 'plan the week']);
  });

  it('without tasks_fts: waits for Enter (a scan per key would stall), then shows the same rows', async () => {
    const c = await tasksScreen(seeded(false));
    await c.press('/');
    await c.type('kubernetes ωMEGA');
    await new Promise((r) => setTimeout(r, 400)); // well past the pause that applies a live filter
    expect(c.frame()).toContain('1-5 of 5');
    let f = await c.press(KEYS.enter, '1-1 of 1');
    expect(listed(f, PROMPTS)).toEqual(['Kubernetes Ωmega cluster']);
    await c.press('/');
    await c.tap('\u0015'); // Ctrl-U: empty
    await c.type('status:completed'); // fields too: without migrate no index serves them either
    await new Promise((r) => setTimeout(r, 400));
    expect(c.frame()).toContain('1-1 of 1');
    f = await c.press(KEYS.enter, '1-4 of 4');
    expect(listed(f, PROMPTS)).toEqual(['kubectl apply the charts', 'kubernetes upgrade to 1.31', 'render a cube map', 'plan the week']);
  });
});
