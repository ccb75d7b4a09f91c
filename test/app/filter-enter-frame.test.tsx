import { describe, it, expect, afterEach } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedTasks } from '../helpers/seed.js';
import { startConsole, strip, KEYS } from './driver.js';

// Issue 17: Enter on a filter drew the old rows with the filter closed, then the new rows a commit
// later (they were read in an effect after that frame), and at the terminal's frame rate that second
// frame waited for Ink's throttle. The first page of the new filter is now read in the render that
// applies it: the first frame after Enter shows the filtered rows. The footer's hints are named
// during the same render (footer-scopes.ts), so that frame's footer is the list's too.
let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('filter + Enter', () => {
  it('the first frame written after Enter already shows the filtered rows', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedTasks(conn.sqlite, p, 60, (i) => ({ status: i % 3 === 0 ? 'failed' : 'running', prompt: `task number ${i} ${i % 3 === 0 ? 'FAILED' : 'RUNNING'}` }));
    const c = await startConsole(conn, { initialScreen: 'tasks', columns: 120, rows: 30 });
    stop = c.unmount;
    await c.waitFor('1-24 of 60', 20_000);
    await c.press('/', 'status:');
    await c.type('status:failed');
    const before = c.ink.frames.length;
    c.ink.stdin.write(KEYS.enter);
    const done = await c.waitFor((f) => f.includes('of 20') && !f.includes('RUNNING'));
    expect(done).toContain('task number 0 FAILED');
    const first = strip(c.ink.frames[before]);
    expect(first).toContain('task number 0 FAILED');
    expect(first).toContain('task number 3 FAILED');
    expect(first).not.toContain('RUNNING');
    // and the footer of that same frame is the list's, not the filter input's (it was a frame late)
    expect(first.split('\n').at(-1)).toContain('/ filter');
    expect(first).not.toContain('Enter apply');
  });

  it('the same on the sessions list', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    const ids = seedTasks(conn.sqlite, p, 30);
    const { seedSession } = await import('../helpers/seed.js');
    ids.forEach((taskId, i) => seedSession(conn.sqlite, { taskId, status: i % 2 === 0 ? 'active' : 'completed', agentId: i % 2 === 0 ? 'agent-ACTIVE' : 'agent-DONE' }));
    const c = await startConsole(conn, { initialScreen: 'sessions', columns: 120, rows: 30 });
    stop = c.unmount;
    await c.waitFor(' of 30', 20_000);
    await c.press('/', 'status:');
    await c.type('status:active');
    const before = c.ink.frames.length;
    c.ink.stdin.write(KEYS.enter);
    await c.waitFor((f) => f.includes('of 15') && !f.includes('agent-DONE'));
    const first = strip(c.ink.frames[before]);
    expect(first).toContain('agent-ACTIVE');
    expect(first).not.toContain('agent-DONE');
  });
});
