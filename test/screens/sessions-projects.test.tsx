import { describe, it, expect, afterEach } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedTask, seedSession, minutesAgo } from '../helpers/seed.js';
import { startConsole, KEYS } from '../app/driver.js';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

const selectedLine = (f: string): string => f.split('\n').find((l) => l.startsWith('> ')) ?? '';

describe('sessions', () => {
  it('lists all sessions newest first, filters by model and status; Enter opens the session, and its task line the task', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    const t1 = seedTask(conn.sqlite, { projectId: p, prompt: 'first task' });
    const t2 = seedTask(conn.sqlite, { projectId: p, prompt: 'second task' });
    seedSession(conn.sqlite, { taskId: t1, model: 'claude-opus-4', status: 'completed', createdAt: minutesAgo(5) });
    seedSession(conn.sqlite, { taskId: t2, model: 'claude-sonnet-4', status: 'active', agentId: 'agent-7', createdAt: minutesAgo(1) });
    const c = await startConsole(conn, { initialScreen: 'sessions', columns: 120 });
    stop = c.unmount;
    let f = await c.waitFor('1-2 of 2');
    expect(selectedLine(f)).toContain('claude-sonnet-4');
    await c.press('/');
    await c.type('model:claude-opus-4');
    f = await c.press(KEYS.enter, '1-1 of 1');
    expect(f).toContain('claude-opus-4');
    expect(f).not.toContain('claude-sonnet-4');
    // the detail's module may still be loading under load: its breadcrumb shows before its lines
    f = await c.press(KEYS.enter, (fr) => fr.includes('Sessions › Session ') && /model\s+\S/.test(fr));
    expect(f).toMatch(/model\s+claude-opus-4/);
    expect(f).not.toContain('first task');
    await c.press('j');
    await c.press('j');
    expect(selectedLine(c.frame())).toMatch(/^>\s+task\s+task_/);
    f = await c.press(KEYS.enter, 'first task');
    expect(f.split('\n')[1]).toMatch(/^Sessions › Session .* › Task task_/);
    await c.press(KEYS.esc, 'Sessions › Session ');
    await c.press('q', 'filter model:claude-opus-4');
    await c.press('/');
    for (let i = 0; i < 'model:claude-opus-4'.length; i++) await c.press(KEYS.backspace);
    await c.type('status:active agent:agent-7');
    f = await c.press(KEYS.enter, '1-1 of 1');
    expect(f).toContain('claude-sonnet-4');
  });
});

describe('projects', () => {
  it('shows settings, task counts and cost; Enter opens the project, and its tasks line lists its tasks', async () => {
    const conn = freshDatabase();
    const web = seedProject(conn.sqlite, { name: 'web', agentId: 'agent-web', defaultModel: 'claude-opus-4', defaultMaxBudget: 12, autoCommitPush: true });
    const api = seedProject(conn.sqlite, { name: 'api', active: false });
    seedTask(conn.sqlite, { projectId: web, status: 'failed', estimatedCost: 1.25, prompt: 'web one' });
    seedTask(conn.sqlite, { projectId: web, status: 'queued', estimatedCost: 0.75, prompt: 'web two' });
    seedTask(conn.sqlite, { projectId: api, prompt: 'api one' });
    const c = await startConsole(conn, { initialScreen: 'projects', columns: 120 });
    stop = c.unmount;
    const f = await c.waitFor('$2.00');
    const webLine = f.split('\n').find((l) => l.includes('agent-web'))!;
    expect(webLine).toMatch(/web\s+agent-web\s+claude-opus-4\s+\$12\.00 yes\s+yes\s+2\s+1\s+1\s+\$2\.00/);
    expect(f.split('\n').find((l) => l.includes('api '))).toMatch(/no\s+no\s+1\s+0\s+0\s+\$0\.10/);
    expect(selectedLine(f)).toContain('api'); // by name
    await c.press('j');
    await c.press(KEYS.enter, 'Projects › Project web');
    await c.waitFor('2 tasks, 1 open, 1 failed, $2.00 spent');
    while (!selectedLine(c.frame()).includes('Enter lists them')) await c.press('j');
    const tasks = await c.press(KEYS.enter, 'Tasks (project:');
    await c.waitFor('web two');
    expect(c.frame()).toContain('web one');
    expect(c.frame()).not.toContain('api one');
    expect(c.lines()[1]).toBe(`Projects › Project web › Tasks (project:${web})`);
    expect(tasks).toBeTruthy();
  });
});
