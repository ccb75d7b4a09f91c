import { describe, it, expect, afterEach } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedTask } from '../helpers/seed.js';
import { startConsole, strip, KEYS } from './driver.js';

// Issue 17: a detail read its row in an effect after its first frame, so Enter drew "Loading…" and
// then the row; and an action's message came a frame before the row it changed. A detail's row is
// one primary-key read: it is now read in the render that needs it.
let stop: (() => void) | undefined;
afterEach(() => stop?.());

const framesSince = (c: Awaited<ReturnType<typeof startConsole>>, from: number): string[] => c.ink.frames.slice(from).map((f) => strip(f));

describe('a detail draws its row in its first frame', () => {
  it('Enter on a task: no loading frame; the first frame with the detail holds the prompt', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedTask(conn.sqlite, { projectId: p, status: 'pending', prompt: 'the one to open' });
    const c = await startConsole(conn, { initialScreen: 'tasks', columns: 120, rows: 30 });
    stop = c.unmount;
    await c.waitFor('1-1 of 1', 20_000);
    const before = c.ink.frames.length;
    c.ink.stdin.write(KEYS.enter);
    await c.waitFor((f) => f.includes('Tasks › Task') && f.includes('the one to open') && f.includes('c cancel'));
    const frames = framesSince(c, before);
    expect(frames.some((f) => f.includes('Loading…'))).toBe(false);
    const first = frames.find((f) => f.includes('Tasks › Task') && f.split('\n').length > 3 && /^> /m.test(f));
    expect(first).toContain('the one to open');
  });

  it('an action: the frame that says it was done shows the row changed', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedTask(conn.sqlite, { projectId: p, status: 'pending', prompt: 'the one to cancel' });
    const c = await startConsole(conn, { initialScreen: 'tasks', columns: 120, rows: 30 });
    stop = c.unmount;
    await c.waitFor('1-1 of 1', 20_000);
    await c.press(KEYS.enter, (f) => f.includes('Tasks › Task') && /status\s+pending/.test(f));
    expect(c.frame()).toMatch(/status\s+pending/);
    await c.press('c', 'Cancel this task?');
    await c.press('y', 'audited as task:cancelled');
    const said = c.ink.frames.map((f) => strip(f)).find((f) => f.includes('audited as task:cancelled'));
    expect(said).toMatch(/status\s+cancelled/);
    expect(said).not.toMatch(/status\s+pending/);
  });
});
