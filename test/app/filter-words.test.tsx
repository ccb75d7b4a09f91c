import { describe, it, expect, afterEach } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedTask, seedSession, seedUser } from '../helpers/seed.js';
import { parseFilter } from '../../src/hooks/filter-query.js';
import { startConsole, KEYS } from './driver.js';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

async function filter(c: Awaited<ReturnType<typeof startConsole>>, text: string, expectText: string): Promise<string> {
  await c.press('/');
  await c.type(text);
  return c.press(KEYS.enter, expectText);
}

describe('the / filter', () => {
  it('says when a field is unknown and lists the fields there are', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedTask(conn.sqlite, { projectId: p, status: 'failed', prompt: 'broken build' });
    seedTask(conn.sqlite, { projectId: p, status: 'completed', prompt: 'fine build' });
    const c = await startConsole(conn, { initialScreen: 'tasks', columns: 160 });
    stop = c.unmount;
    await c.waitFor('fine build');
    const f = await filter(c, 'stat:failed', 'No field "stat:"');
    expect(f).toContain('the fields here: status:, project:, bot:, user:');
    expect(f).toContain('searched as text');
    // a known field says nothing of the kind
    await c.press('/');
    for (let i = 0; i < 'stat:failed'.length; i++) await c.press(KEYS.backspace);
    await c.type('status:failed');
    const ok = await c.press(KEYS.enter, '1-1 of 1');
    expect(ok).not.toContain('No field');
  });

  it('matches field values in any case: status:FAILED, role:ADMIN', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedTask(conn.sqlite, { projectId: p, status: 'failed', prompt: 'broken build' });
    const t = seedTask(conn.sqlite, { projectId: p, status: 'completed', prompt: 'fine build' });
    seedSession(conn.sqlite, { taskId: t, status: 'active', model: 'claude-opus-4' });
    seedUser(conn.sqlite, 'U0ADMIN', 'admin');
    seedUser(conn.sqlite, 'U0DEV', 'developer');
    const c = await startConsole(conn, { initialScreen: 'tasks', columns: 160 });
    stop = c.unmount;
    await c.waitFor('fine build');
    let f = await filter(c, 'status:FAILED', '1-1 of 1');
    expect(f).toContain('broken build');
    expect(f).not.toContain('fine build');
    await c.press('3', 'claude-opus-4');
    f = await filter(c, 'status:Active', '1-1 of 1');
    expect(f).toContain('claude-opus-4');
    await c.press('4', 'U0DEV');
    f = await filter(c, 'role:ADMIN', '1-1 of 1');
    expect(f).toContain('U0ADMIN');
    expect(f).not.toContain('U0DEV');
  });

  it('keeps the case of ids and names, and does not take a URL or a time for a field', () => {
    const parsed = parseFilter('status:FAILED user:U0ABC project:Web http://x.y at 12:30', ['status', 'user', 'project']);
    expect(parsed.fields).toEqual({ status: 'failed', user: 'U0ABC', project: 'Web' });
    expect(parsed.unknown).toEqual([]);
    expect(parseFilter('stat:failed Stat:x', ['status']).unknown).toEqual(['stat']);
  });
});
