import { describe, it, expect, afterEach } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject } from '../helpers/seed.js';
import { startConsole, KEYS } from '../app/driver.js';
import { seedSchedule, hoursFromNow, scheduleRow } from './schedules-fixtures.js';
import { retype, submit, toField } from './form-driver.js';

// Issue 14 item 4: the schedule form's save went its own way (try, flash, refresh) and flashed
// "Saved …" without the `u undo` the schedules' pause and resume offer, although the audit screen
// can undo a scheduled_task.updated entry. Through the one action helper it offers it.

let stop: (() => void) | undefined;
afterEach(() => stop?.());

const footer = (f: string): string =>
  f
    .split('\n')
    .filter((l) => l.trim())
    .at(-1) ?? '';

describe('a schedule saved from its form through the one action helper', () => {
  it('the flash offers u undo, and u then y puts the old prompt back', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    const id = seedSchedule(conn.sqlite, { projectId: p, prompt: 'old words' });
    conn.sqlite.prepare('UPDATE scheduled_tasks SET next_execution_at = ?, scheduled_for = ? WHERE id = ?').run(hoursFromNow(5), hoursFromNow(5), id);
    const c = await startConsole(conn, { initialScreen: 'schedules', columns: 140, rows: 34 });
    stop = c.unmount;
    await c.waitFor('1-1 of 1');
    await c.press('e', `Edit schedule ${id}`);
    await toField(c, 'prompt', KEYS.up);
    await retype(c, 'new words');
    await submit(c, 'Save the changes to this schedule?');
    const f = await c.press('y', 'audited as scheduled_task.updated');
    expect(footer(f)).toMatch(new RegExp(`^u undo · Saved ${id}: next run `));
    expect(scheduleRow(conn, id)).toMatchObject({ prompt: 'new words' });
    await c.press('u', '(scheduled_task.updated)?');
    await c.press('y', 'Undone');
    expect(scheduleRow(conn, id)).toMatchObject({ prompt: 'old words' });
    await c.press(KEYS.esc);
  });
});
