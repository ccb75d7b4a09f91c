import { describe, it, expect, afterEach } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedTask, seedTasks, minutesAgo } from '../helpers/seed.js';
import { startConsole, KEYS } from './driver.js';
import { cutKeys } from '../../src/keymap/key-chunks.js';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

const selectedLine = (f: string): string => f.split('\n').find((l) => l.startsWith('> ')) ?? '';
const listening = (c: Awaited<ReturnType<typeof startConsole>>): boolean => c.ink.stdin.listenerCount('readable') > 0;

async function tasksScreen(n = 20) {
  const conn = freshDatabase();
  const p = seedProject(conn.sqlite, { name: 'web' });
  seedTasks(conn.sqlite, p, n);
  const c = await startConsole(conn, { initialScreen: 'tasks', columns: 120 });
  stop = c.unmount;
  await c.waitFor(`1-`);
  return { conn, c, project: p };
}

describe('a chunk of keys read at once', () => {
  it('is cut into single keys: characters alone, escape sequences whole, a bracketed paste as its text', () => {
    expect(cutKeys('jjj')).toEqual({ keys: ['j', 'j', 'j'], rest: '' });
    expect(cutKeys('ab\r').keys).toEqual(['a', 'b', '\r']);
    expect(cutKeys('\r\u0003').keys).toEqual(['\r', '\u0003']);
    expect(cutKeys('ab\u007f\u001b[B\u001b[6~x\u001b').keys).toEqual(['a', 'b', '\u007f', '\u001b[B', '\u001b[6~', 'x', '\u001b']);
    // Home/End in their xterm, vt and Linux console forms; Ctrl-arrow; Alt-x; Alt-arrow; Shift-Tab
    expect(cutKeys('\u001b[H\u001bOF\u001b[1~\u001b[4~\u001b[[A\u001b[1;5B\u001bx\u001b\u001b[A\u001b[Z').keys).toEqual([
      '\u001b[H',
      '\u001bOF',
      '\u001b[1~',
      '\u001b[4~',
      '\u001b[[A',
      '\u001b[1;5B',
      '\u001bx',
      '\u001b\u001b[A',
      '\u001b[Z',
    ]);
    expect(cutKeys('x\u001b[200~jj\r\nk\u001b[D\u001b[201~\r').keys).toEqual(['x', 'jj k[D', '\r']);
    expect(cutKeys('😀é').keys).toEqual(['😀', 'é']);
    // a read that ends inside a sequence or a paste keeps its start for the next read
    expect(cutKeys('j\u001b[1;5')).toEqual({ keys: ['j'], rest: '\u001b[1;5' });
    expect(cutKeys('\u001b[200~abc')).toEqual({ keys: [], rest: '\u001b[200~abc' });
  });

  it('jjj moves the cursor three rows, and the keys after an arrow in the same read still count', async () => {
    const { c } = await tasksScreen();
    c.ink.stdin.write('jjj');
    expect(selectedLine(await c.waitFor((f) => selectedLine(f).includes('task number 3')))).toMatch(/task number 3$/);
    c.ink.stdin.write(`${KEYS.down}jk${KEYS.down}`);
    await c.waitFor((f) => /task number 5$/.test(selectedLine(f)));
  });

  it('a filter typed with its Enter in one read is applied', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedTask(conn.sqlite, { projectId: p, status: 'failed', prompt: 'the failed one', createdAt: minutesAgo(1) });
    seedTask(conn.sqlite, { projectId: p, status: 'running', prompt: 'the running one', createdAt: minutesAgo(2) });
    const c = await startConsole(conn, { initialScreen: 'tasks', columns: 120 });
    stop = c.unmount;
    await c.waitFor('1-2 of 2');
    c.ink.stdin.write('/status:failed\r');
    const f = await c.waitFor('1-1 of 1');
    expect(f).toContain('the failed one');
    expect(f).not.toContain('the running one');
  });

  it('Enter then Ctrl-C in one read opens the task, then quits', async () => {
    const { c } = await tasksScreen(3);
    c.ink.stdin.write('\r\u0003');
    await c.waitFor(() => !listening(c));
    expect(c.ink.frames.some((f) => f.includes('Task task_'))).toBe(true);
  });

  it('Ctrl-C anywhere in a run of keys quits', async () => {
    const { c } = await tasksScreen(3);
    c.ink.stdin.write('jj\u0003jj');
    await c.waitFor(() => !listening(c));
  });
});
