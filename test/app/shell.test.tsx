import { describe, it, expect, afterEach } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedTasks } from '../helpers/seed.js';
import { plainTheme } from '../../components/theme/tokens.js';
import { startConsole, KEYS, expectFits } from './driver.js';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

async function consoleWithTasks(n = 3, o: Parameters<typeof startConsole>[1] = {}) {
  const conn = freshDatabase();
  const p = seedProject(conn.sqlite, { name: 'web' });
  seedTasks(conn.sqlite, p, n);
  const c = await startConsole(conn, o);
  stop = c.unmount;
  await c.waitFor('Tasks by status');
  return { conn, c };
}

describe('the header', () => {
  it('names the database, the operator and the role; READ-ONLY only when read-only', async () => {
    const { conn, c } = await consoleWithTasks();
    expect(c.frame()).toContain(conn.path);
    expect(c.frame()).toContain('U_ADMIN (admin)');
    expect(c.frame()).not.toContain('READ-ONLY');
  });
});

describe('navigation', () => {
  it('number keys go to screens; breadcrumbs grow on drill-down and Esc walks back', async () => {
    const { c } = await consoleWithTasks();
    await c.press('2', 'task number 0');
    expect(c.lines()[1]).toBe('Tasks');
    await c.press(KEYS.enter, 'Task task_');
    expect(c.lines()[1]).toMatch(/^Tasks › Task task_/);
    await c.press(KEYS.esc, '/ to filter');
    expect(c.lines()[1]).toBe('Tasks');
    await c.press('3', 'No sessions');
    await c.press('9', 'Budget');
    await c.press('1', 'Tasks by status');
  });

  it('q quits at the top level but goes back inside a drill-down (as k9s); Ctrl-C quits from anywhere', async () => {
    const { c } = await consoleWithTasks();
    await c.press('2', 'task number 0');
    await c.press(KEYS.enter, 'Task task_');
    await c.press('q', '/ to filter');
    expect(c.lines()[1]).toBe('Tasks');
    expect(c.ink.stdin.listenerCount('readable')).toBeGreaterThan(0);
    await c.press(KEYS.enter, 'Task task_');
    c.ink.stdin.write(KEYS.ctrlC);
    await c.waitFor(() => c.ink.stdin.listenerCount('readable') === 0);
  });

  it('q at the top level ends the app', async () => {
    const { c } = await consoleWithTasks();
    c.ink.stdin.write('q');
    await c.waitFor(() => c.ink.stdin.listenerCount('readable') === 0);
  });
});

describe('the palette', () => {
  it('filters screens as you type and Enter jumps to the selected one', async () => {
    const { c } = await consoleWithTasks();
    await c.press(':', '9 Projects');
    await c.type('ses');
    expect(c.frame()).toContain('3 Sessions');
    expect(c.frame()).not.toContain('9 Projects');
    await c.press(KEYS.enter, 'No sessions');
    expect(c.lines()[1]).toBe('Sessions');
  });

  it('Esc closes it without moving, and keys typed into it do not reach the screen', async () => {
    const { c } = await consoleWithTasks();
    await c.press(':', '9 Projects');
    await c.type('2');
    expect(c.frame()).toContain('2 Tasks');
    await c.press(KEYS.esc, 'Tasks by status');
    expect(c.lines()[1]).toBe('Dashboard');
  });
});

describe('help', () => {
  it('? shows the keys of where it was opened, generated from the keymap; Esc closes', async () => {
    const { c } = await consoleWithTasks();
    await c.press('2', 'task number 0');
    const f = await c.press('?', 'Keys (Esc closes)');
    for (const section of ['Tasks', 'Lists', 'Everywhere']) expect(f).toContain(section);
    expect(f).toContain('cancel the pending, queued or running task');
    expect(f).toContain('PgDn Ctrl-f');
    await c.press(KEYS.esc, 'task number 0');
  });

  it('? names the screen of every number key, 1 Dashboard to 9 Projects', async () => {
    const { c } = await consoleWithTasks(3, { columns: 120, rows: 40 });
    const f = await c.press('?', 'Keys (Esc closes)');
    expect(f).toContain('Screens (number keys)');
    for (const [n, title] of [
      ['1', 'Dashboard'],
      ['2', 'Tasks'],
      ['3', 'Sessions'],
      ['4', 'Users'],
      ['5', 'API keys'],
      ['6', 'Schedules'],
      ['7', 'Prompts'],
      ['8', 'Audit log'],
      ['9', 'Projects'],
    ]) {
      expect(f).toMatch(new RegExp(`${n}\\s+${title}`));
    }
  });
});

describe('the terminal', () => {
  it('keeps every frame under the terminal height, and re-lays out on resize', async () => {
    const { c } = await consoleWithTasks(80, { rows: 30 });
    await c.press('2', 'task number 0');
    expectFits(c.frame(), 30);
    expect(c.lines()).toHaveLength(29);
    const f = await c.resize(120, 20, (f) => f.split('\n').length === 19);
    expectFits(f, 20);
    expect(f).toContain('task number 0');
  });

  it('shows a message instead of a broken layout when too small, and comes back', async () => {
    const { c } = await consoleWithTasks();
    const f = await c.resize(50, 12, 'Terminal too small');
    expect(f).toContain('Terminal too small (50x12)');
    await c.resize(100, 30, 'Tasks by status');
  });

  it('the plain theme has no colour and still marks the selected row', async () => {
    const { c } = await consoleWithTasks(3, { theme: plainTheme });
    await c.press('2', 'task number 0');
    const raw = c.ink.lastFrame() ?? '';
    // eslint-disable-next-line no-control-regex -- looks for a colour escape in the raw frame
    expect(raw).not.toMatch(/\u001b\[(3[0-7]|9[0-7]|4[0-7])m/);
    expect(c.lines().find((l) => l.includes('task number 0'))).toMatch(/^> /);
  });
});
