import { describe, it, expect, afterEach } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedTask, seedSession, seedUser, minutesAgo } from '../helpers/seed.js';
import { startConsole, KEYS } from '../app/driver.js';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

const header = (f: string, word: string): string => f.split('\n').find((l) => l.includes(word) && /Agent/.test(l)) ?? '';
const rows = (f: string, pattern: RegExp): string[] => f.split('\n').filter((l) => pattern.test(l));

describe('sessions and projects sort by their columns and name people (issue 15)', () => {
  it('sessions: who asked shows by name, < > move the sort, and the order follows the column', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedUser(conn.sqlite, 'U_A', 'developer');
    const t1 = seedTask(conn.sqlite, { projectId: p, slackUserId: 'U_A' });
    const t2 = seedTask(conn.sqlite, { projectId: p, slackUserId: 'U_NONE' });
    seedSession(conn.sqlite, { taskId: t1, model: 'model-b', agentId: 'agent-z', createdAt: minutesAgo(5) });
    seedSession(conn.sqlite, { taskId: t2, model: 'model-a', agentId: 'agent-y', createdAt: minutesAgo(1) });
    const c = await startConsole(conn, { initialScreen: 'sessions', columns: 140 });
    stop = c.unmount;
    let f = await c.waitFor('of 2');
    expect(header(f, 'Created')).toContain('↓Created');
    expect(rows(f, /agent-z/)[0]).toContain('name-U_A');
    expect(rows(f, /agent-y/)[0]).toContain('U_NONE');
    // newest first: agent-y (1 min ago) above agent-z
    expect(f.indexOf('agent-y')).toBeLessThan(f.indexOf('agent-z'));
    f = await c.press('>', '↑Status');
    f = await c.press('>', '↑Agent');
    expect(f.indexOf('agent-y')).toBeLessThan(f.indexOf('agent-z'));
    f = await c.press('~', '↓Agent');
    expect(f.indexOf('agent-z')).toBeLessThan(f.indexOf('agent-y'));
  });

  it('projects: sorted by name by default, > sorts by agent', async () => {
    const conn = freshDatabase();
    seedProject(conn.sqlite, { name: 'alpha', agentId: 'agent-2' });
    seedProject(conn.sqlite, { name: 'beta', agentId: 'agent-1' });
    const c = await startConsole(conn, { initialScreen: 'projects', columns: 140 });
    stop = c.unmount;
    let f = await c.waitFor('of 2');
    expect(header(f, 'Name')).toContain('↑Name');
    expect(f.indexOf('alpha')).toBeLessThan(f.indexOf('beta'));
    f = await c.press('>', '↑Agent');
    expect(f.indexOf('beta')).toBeLessThan(f.indexOf('alpha'));
  });

  it('the audit entry names the user with the Slack id beside it', async () => {
    const conn = freshDatabase();
    seedUser(conn.sqlite, 'U_A', 'admin');
    conn.sqlite
      .prepare("INSERT INTO audit_logs (action, user_id, resource_type, resource_id, metadata, timestamp) VALUES ('task:cancelled', 'U_A', 'task', 'task_1', '{}', ?)")
      .run(new Date().toISOString());
    const c = await startConsole(conn, { initialScreen: 'audit', columns: 120 });
    stop = c.unmount;
    await c.waitFor('task:cancelled');
    const d = await c.press(KEYS.enter, 'name-U_A (U_A)');
    expect(d).toMatch(/user +name-U_A \(U_A\)/);
  });
});
