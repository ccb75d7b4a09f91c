import { describe, it, expect, afterEach } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedUser } from '../helpers/seed.js';
import { startConsole } from './driver.js';

// Screens other than the dashboard load on demand (the console preloads them after its first
// frame). Keys typed right after the one that opens a screen still loading are for that screen:
// they wait for it instead of reaching nobody.

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('keys wait for a screen that is still loading', () => {
  it('6 then n in one read, at the first frame: the schedules screen opens and n opens its form', async () => {
    const conn = freshDatabase();
    seedProject(conn.sqlite, { name: 'web' });
    seedUser(conn.sqlite, 'U_OWNER', 'developer');
    const c = await startConsole(conn, { columns: 120, rows: 30 });
    stop = c.unmount;
    await c.waitFor('Tasks by status');
    c.ink.stdin.write('6n'); // before the preload: the schedules module is not loaded yet
    const f = await c.waitFor((fr) => fr.includes('New schedule') && fr.includes('‹ reminder ›'));
    expect(f).toContain('‹ web ›');
  });
});
