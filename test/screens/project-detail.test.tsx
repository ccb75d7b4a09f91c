import { describe, it, expect, afterEach } from 'vitest';
import type Database from 'better-sqlite3';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedTask, minutesAgo } from '../helpers/seed.js';
import { startConsole, KEYS } from '../app/driver.js';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

const selectedLine = (f: string): string => f.split('\n').find((l) => l.startsWith('> ')) ?? '';

function seedSchedule(sqlite: Database.Database, id: string, projectId: string, prompt: string): void {
  const now = new Date().toISOString();
  sqlite
    .prepare(
      `INSERT INTO scheduled_tasks (id, project_id, user_id, task_type, bot_name, command, prompt, scheduled_for, timezone, next_execution_at, status, enabled, slack_channel_id, created_at, updated_at)
       VALUES (?, ?, 'U0SCHED', 'recurring', 'coder', 'run', ?, ?, 'UTC', ?, 'active', 1, 'C1', ?, ?)`,
    )
    .run(id, projectId, prompt, '2999-01-01T00:00:00.000Z', '2999-01-01T00:00:00.000Z', now, now);
}

function seedKey(sqlite: Database.Database, id: string, agentId: string, revoked: boolean): void {
  sqlite
    .prepare('INSERT INTO api_keys (id, key, agent_id, created_at, expires_at, revoked) VALUES (?, ?, ?, ?, NULL, ?)')
    .run(id, `bm_${id}0123456789abcdef0123456789abcdef`, agentId, Math.floor(Date.now() / 1000), revoked ? 1 : 0);
}

async function moveTo(c: Awaited<ReturnType<typeof startConsole>>, text: string): Promise<void> {
  await c.tap('g');
  for (let i = 0; i < 60 && !selectedLine(c.frame()).includes(text); i++) await c.press('j');
  expect(selectedLine(c.frame())).toContain(text);
}

describe('project detail', () => {
  it('Enter on a project opens it: settings, counts and cost, its tasks, schedules and keys, each opened with Enter', async () => {
    const conn = freshDatabase();
    const web = seedProject(conn.sqlite, { name: 'web', agentId: 'agent-web', defaultModel: 'claude-opus-4', defaultMaxBudget: 12, autoCommitPush: true });
    const other = seedProject(conn.sqlite, { name: 'other', agentId: 'agent-other' });
    seedTask(conn.sqlite, { projectId: web, status: 'failed', estimatedCost: 1.25, prompt: 'fix the login page', createdAt: minutesAgo(5) });
    seedTask(conn.sqlite, { projectId: web, status: 'running', estimatedCost: 0.75, prompt: 'ship the footer', createdAt: minutesAgo(1) });
    seedTask(conn.sqlite, { projectId: other, prompt: 'not ours' });
    seedSchedule(conn.sqlite, 'sched_web', web, 'nightly dependency audit');
    seedSchedule(conn.sqlite, 'sched_other', other, 'someone else');
    seedKey(conn.sqlite, 'k1', 'agent-web', false);
    seedKey(conn.sqlite, 'k2', 'agent-other', false);
    const c = await startConsole(conn, { initialScreen: 'projects', columns: 120, rows: 40 });
    stop = c.unmount;
    await c.waitFor('agent-web');
    await moveTo(c, 'agent-web');
    let f = await c.press(KEYS.enter, 'Projects › Project web');
    f = await c.waitFor('2 tasks, 1 open, 1 failed, $2.00 spent');
    for (const re of [/agent\s+agent-web/, /model\s+claude-opus-4/, /budget\s+\$12\.00 per task/, /commits and pushes/, /channel\s+C/, /path\s+\/srv\//]) expect(f).toMatch(re);
    expect(f).toContain('ship the footer');
    expect(f).toContain('fix the login page');
    expect(f).not.toContain('not ours');
    expect(f).toContain('nightly dependency audit');
    expect(f).not.toContain('someone else');
    expect(f).toMatch(/keys\s+1 key of agent agent-web: Enter lists them/);
    expect(f).not.toContain('bm_k10123456789abcdef'); // masked
    // a task line opens the task
    await moveTo(c, 'ship the footer');
    f = await c.press(KEYS.enter, 'Project web › Task ');
    expect(f).toContain('ship the footer');
    await c.press(KEYS.esc, 'Projects › Project web');
    // the schedule line opens the schedule
    await moveTo(c, 'nightly dependency audit');
    await c.press(KEYS.enter, 'Project web › Schedule sched_web');
    await c.press('q', 'Projects › Project web');
    // the schedules line lists the project's schedules
    await moveTo(c, '1 schedule: Enter lists them');
    f = await c.press(KEYS.enter, `Schedules (project:${web})`);
    await c.press(KEYS.esc, 'Projects › Project web');
    // the keys line lists the agent's keys
    await moveTo(c, '1 key of agent agent-web');
    f = await c.press(KEYS.enter, 'agent:agent-web');
    expect(c.lines()[1]).toMatch(/Project web › API keys/);
  });

  it('works on a file without scheduled_tasks (older service builds) and a project with nothing yet', async () => {
    const conn = freshDatabase();
    conn.sqlite.exec('DROP TABLE scheduled_tasks');
    seedProject(conn.sqlite, { name: 'solo' });
    const c = await startConsole(conn, { initialScreen: 'projects', columns: 100, rows: 30 });
    stop = c.unmount;
    await c.waitFor('solo');
    await c.press(KEYS.enter, 'no scheduled_tasks table in this file');
    // the counts read every task of the project: they come in a frame after the detail's first
    expect(await c.waitFor('0 tasks, 0 open, 0 failed')).toContain('no scheduled_tasks table in this file');
  });
});
