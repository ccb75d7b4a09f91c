import { describe, it, expect, afterEach } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedTask, seedTasks, minutesAgo } from '../helpers/seed.js';
import { startConsole, KEYS } from './driver.js';
import { splitChunk, pressOf } from '../../src/keymap/key-chunks.js';

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
  it('is cut into its keys: printable runs, control characters and escape sequences whole', () => {
    expect(splitChunk('jjj')).toEqual(['jjj']);
    expect(splitChunk('status:failed\r')).toEqual(['status:failed', '\r']);
    expect(splitChunk('\r\u0003')).toEqual(['\r', '\u0003']);
    expect(splitChunk('ab\u007f\u001b[B\u001b[6~x\u001b')).toEqual(['ab', '\u007f', '\u001b[B', '\u001b[6~', 'x', '\u001b']);
    expect(['\r', '\u0003', '\u007f', '\u001b[B', '\u001b[5~', '\u001bOH', '\u001b[F', '\u0006', 'G', '\u001b'].map((s) => pressOf(s).name)).toEqual([
      'enter', 'ctrl+c', 'backspace', 'down', 'pageup', 'home', 'end', 'ctrl+f', 'G', 'esc',
    ]);
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
