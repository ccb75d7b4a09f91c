import { describe, it, expect, afterEach } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject } from '../helpers/seed.js';
import { startConsole, KEYS } from '../app/driver.js';
import { seedSchedule, scheduleRow } from './schedules-fixtures.js';

// Issue 14 item 4: every change goes through one hook (src/hooks/use-admin-action.ts: refuse,
// ask, run, flash, read again). The schedules' pause and resume had their own copy, which
// flashed the result without the `u undo` that the users' and API keys' changes offer, although
// the audit screen can undo these entries.

let stop: (() => void) | undefined;
afterEach(() => stop?.());

const footer = (f: string): string =>
  f
    .split('\n')
    .filter((l) => l.trim())
    .at(-1) ?? '';

describe('a schedule paused or resumed through the one action helper', () => {
  it('the flash offers u undo, and u then y takes the pause back', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    const id = seedSchedule(conn.sqlite, { projectId: p, prompt: 'wake me', cron: '0 9 * * *', nextExecutionAt: '2030-01-01T14:00:00.000Z' });
    const c = await startConsole(conn, { initialScreen: 'schedules', columns: 160 });
    stop = c.unmount;
    await c.waitFor('1-1 of 1');
    await c.press('p', 'Pause this schedule?');
    let f = await c.press('y', 'audited as scheduled_task.paused');
    expect(footer(f)).toMatch(/^u undo · Schedule .* paused/);
    expect(scheduleRow(conn, id)).toMatchObject({ status: 'paused', enabled: 0 });
    f = await c.press('u', '(scheduled_task.paused)?');
    expect(f).toMatch(/> No \(n\)/);
    await c.press('y', 'Undone');
    expect(scheduleRow(conn, id)).toMatchObject({ enabled: 1 });
    await c.press(KEYS.esc);
  });
});
