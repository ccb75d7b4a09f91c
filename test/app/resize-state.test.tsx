import { describe, it, expect, afterEach } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedTasks } from '../helpers/seed.js';
import { startConsole, KEYS } from './driver.js';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

const selected = (f: string): string | undefined => f.split('\n').find((l) => l.startsWith('> '));
const footer = (f: string): string => f.split('\n').at(-1) ?? '';

/**
 * The list is back and its footer hints are as they were: a screen shown again registers its keys
 * in an effect, so the first frame with its rows still has the footer without them ("? help : jump
 * q quit", or the detail's "Esc back") and the hints come one commit later. The whole frame is then compared.
 */
const listBack =
  (before: string) =>
  (f: string): boolean =>
    f.includes('task number') && footer(f) === footer(before);

describe('a terminal made too small and then large again', () => {
  it("keeps the list's cursor, filter and scroll, and the screen beneath a detail", async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedTasks(conn.sqlite, p, 80);
    const c = await startConsole(conn, { columns: 100, rows: 24 });
    stop = c.unmount;
    await c.press('2', 'task number 0');
    await c.press('/');
    await c.type('number');
    // the filtered list's total is counted after the frame that shows its rows: wait for it, so `before` is the settled frame
    await c.press(KEYS.enter, (f) => f.includes('of 80') && f.includes('Enter open'));
    await c.press(KEYS.pageDown);
    await c.press(KEYS.pageDown);
    await c.press(KEYS.down);
    await c.press(KEYS.down);
    const before = c.frame();
    const row = selected(before);
    expect(row).toMatch(/task number [1-9]\d/);
    expect(before).toContain('number');

    await c.resize(50, 12, 'Terminal too small');
    expect(c.frame()).not.toContain('task number');
    // very small: the message still keeps under the height
    const tiny = await c.resize(20, 4, 'Too small');
    expect(tiny.split('\n').length).toBeLessThanOrEqual(3);
    for (const l of tiny.split('\n')) expect(l.length).toBeLessThanOrEqual(20);
    const after = await c.resize(100, 24, listBack(before));
    expect(after).toBe(before);

    // a detail opened on top: Esc comes back to the same row after a resize too
    await c.press(KEYS.enter, 'Task task_');
    await c.resize(59, 24, 'Terminal too small');
    await c.resize(100, 24, 'Task task_');
    const back = await c.press(KEYS.esc, listBack(before));
    expect(back).toBe(before);
  });
});
