import { describe, it, expect, afterEach } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedTasks } from '../helpers/seed.js';
import { startConsole, KEYS, expectFits } from './driver.js';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('the shell', () => {
  it('opens on the dashboard with the database path and the operator in the header', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedTasks(conn.sqlite, p, 3, () => ({ status: 'failed' }));
    const c = await startConsole(conn);
    stop = c.unmount;
    const f = await c.waitFor('Tasks by status');
    expect(f).toContain(conn.path);
    expect(f).toContain('U_ADMIN (admin)');
    expect(f).toContain('Dashboard');
    await c.waitFor('failed');
    expectFits(c.frame(), 30);
  });

  it('goes to a screen with its number key and back to the previous view with Esc', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedTasks(conn.sqlite, p, 3);
    const c = await startConsole(conn);
    stop = c.unmount;
    await c.waitFor('Tasks by status');
    await c.press('2', 'task number 0');
    console.log(c.frame());
  });
});
