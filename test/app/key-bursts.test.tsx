import { describe, it, expect, afterEach } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedTasks } from '../helpers/seed.js';
import { seedPrompts } from '../db/prompt-history-seed.js';
import { startConsole, KEYS } from './driver.js';

// Each burst below is ONE stdin.write: one read holding several keys, as tmux, a paste or key
// repeat on a busy machine delivers them. Every listener must act on every key of it.

let stop: (() => void) | undefined;
afterEach(() => stop?.());

const down4 = KEYS.down.repeat(4);
const selectedLine = (f: string): string => f.split('\n').find((l) => l.startsWith('> ')) ?? '';
/** the selected line inside a framed overlay (palette, picker) */
const chosen = (f: string): string => f.split('\n').find((l) => /^\s*│ > /.test(l)) ?? '';

async function tasksConsole(n = 20) {
  const conn = freshDatabase();
  const p = seedProject(conn.sqlite, { name: 'web' });
  seedTasks(conn.sqlite, p, n);
  const c = await startConsole(conn, { columns: 120, rows: 30 });
  stop = c.unmount;
  await c.waitFor('Tasks by status');
  return c;
}

describe('a burst of keys in one read', () => {
  it('four Downs move the palette four rows, and text then Enter jumps', async () => {
    const c = await tasksConsole();
    await c.press(':', '9 Projects');
    expect(chosen(c.frame())).toContain('1 Dashboard');
    c.ink.stdin.write(down4);
    await c.waitFor((f) => chosen(f).includes('5 API keys'));
    c.ink.stdin.write(`${KEYS.up}${KEYS.up}`);
    await c.waitFor((f) => chosen(f).includes('3 Sessions'));
    await c.press(KEYS.esc, 'Tasks by status');
    c.ink.stdin.write(':tasks\r');
    await c.waitFor((f) => f.split('\n')[1] === 'Tasks' && f.includes('task number 0'));
  });

  it('four Downs move a prompt filter picker four rows', async () => {
    const conn = freshDatabase();
    seedPrompts(conn.sqlite);
    const c = await startConsole(conn, { initialScreen: 'prompts', columns: 120, rows: 30 });
    stop = c.unmount;
    await c.waitFor((f) => /\d+-\d+ of [\d,]+\s*$/m.test(f));
    await c.press('c', 'Show prompts with category');
    await c.waitFor((f) => chosen(f).includes('any'));
    const rows = c
      .lines()
      .filter((l) => /^\s*│ [> ] \S/.test(l))
      .map(
        (l) =>
          l
            .replace(/^\s*│ [> ] /, '')
            .trim()
            .split(/\s+/)[0]!,
      );
    c.ink.stdin.write(down4);
    await c.waitFor((f) => chosen(f).includes(rows[4]!));
  });

  it('jjjj moves a list four rows; a filter typed with Enter in one read applies; a lone Esc then closes a new filter', async () => {
    const c = await tasksConsole();
    c.ink.stdin.write('2jjjj');
    await c.waitFor((f) => /task number 4$/.test(selectedLine(f)));
    c.ink.stdin.write('/number 1\r');
    await c.waitFor('filter number 1');
    await c.press('/', '/number 1');
    c.ink.stdin.write(`${KEYS.backspace}${KEYS.backspace}`);
    await c.waitFor((f) => /^\/number\s*(\S.*)?$/m.test(f));
    c.ink.stdin.write(KEYS.esc);
    await c.waitFor('/ to filter');
  });

  it('a bracketed paste is typed into the field whole, and its letters are not commands', async () => {
    const c = await tasksConsole();
    await c.press('2', 'task number 0');
    const at = selectedLine(c.frame());
    await c.press('/', '/');
    c.ink.stdin.write('\u001b[200~jjq number 3\u001b[201~');
    await c.waitFor('/jjq number 3');
    expect(selectedLine(c.frame())).toBe(at);
    expect(c.ink.stdin.listenerCount('readable')).toBeGreaterThan(0); // q did not quit
  });

  it('keys typed into a field are text, never commands: q and 1 type, Ctrl-f types nothing, Ctrl-u clears, Ctrl-w drops a word', async () => {
    const c = await tasksConsole();
    await c.press('2', 'task number 0');
    await c.press('/', '/');
    c.ink.stdin.write(`q1 number${KEYS.ctrlF}`);
    await c.waitFor('/q1 number_');
    expect(c.lines()[1]).toBe('Tasks'); // 1 did not go to the dashboard
    c.ink.stdin.write('\u0017');
    await c.waitFor('/q1 _');
    c.ink.stdin.write(`\u0015number 2${KEYS.left}${KEYS.right}\r`);
    await c.waitFor('filter number 2');
    expect(c.ink.stdin.listenerCount('readable')).toBeGreaterThan(0);
  });
});
