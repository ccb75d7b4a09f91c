import { describe, it, expect, afterEach } from 'vitest';
import Database from 'better-sqlite3';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedTask, seedTasks, minutesAgo } from '../helpers/seed.js';
import { startConsole, KEYS } from '../app/driver.js';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

const selectedLine = (f: string): string => f.split('\n').find((l) => l.startsWith('> ')) ?? '';
/** lets every commit and effect a key set off run (a second commit is a second frame) */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 10));
};

// Issue 17: each Ink frame costs ~8 ms at 1M rows; a key whose footer changed in a second commit paid two.
describe('one key, one frame, the footer included', () => {
  it('End and Home between a cancellable and a finished row draw one frame each, its footer right', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedTask(conn.sqlite, { projectId: p, status: 'pending', prompt: 'still waiting', createdAt: minutesAgo(0) });
    seedTasks(conn.sqlite, p, 40, (i) => ({ createdAt: minutesAgo(i + 1), prompt: i === 39 ? 'the oldest, done' : `done ${i}` }));
    const c = await startConsole(conn, { initialScreen: 'tasks', rows: 20 });
    stop = c.unmount;
    await c.waitFor('of 41');
    await settle();
    expect(selectedLine(c.frame())).toContain('still waiting');
    expect(c.frame()).toContain('c cancel');
    for (const [key, row, offered] of [
      [KEYS.end, 'the oldest, done', false],
      [KEYS.home, 'still waiting', true],
      ['G', 'the oldest, done', false],
    ] as const) {
      const before = c.ink.frames.length;
      const f = await c.press(key, (fr) => selectedLine(fr).includes(row));
      expect(f.includes('c cancel')).toBe(offered);
      await settle();
      expect([key, c.ink.frames.length - before]).toEqual([key, 1]);
      expect(c.frame().includes('c cancel')).toBe(offered);
    }
  });

  it('a row the service finishes while shown loses its c hint without a key', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    const id = seedTask(conn.sqlite, { projectId: p, status: 'running', prompt: 'at work' });
    const c = await startConsole(conn, { initialScreen: 'tasks', pollMs: 20 });
    stop = c.unmount;
    await c.waitFor('c cancel');
    const service = new Database(conn.path); // another connection, as the service: seen by the poll
    service.prepare("UPDATE tasks SET status = 'completed' WHERE id = ?").run(id);
    await c.waitFor((f) => selectedLine(f).includes('completed') && !f.includes('c cancel'));
    service.prepare("UPDATE tasks SET status = 'running' WHERE id = ?").run(id);
    await c.waitFor((f) => selectedLine(f).includes('running') && f.includes('c cancel'));
    service.close();
  });
});
