import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedTask } from '../helpers/seed.js';
import { taskListSource } from '../../db/views/tasks.js';
import { advanceTimeOrder, allCanonical, SLICE } from '../../db/views/time-order.js';

/** `n` tasks with canonical times a minute apart in January 2026 (one statement: SLICE-sized tables in a test). */
function manyTasks(sqlite: Database.Database, projectId: string, n: number): void {
  sqlite
    .prepare(
      `WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < ?)
       INSERT INTO tasks (id, project_id, bot_name, command, prompt, status, slack_channel_id, slack_user_id, input_tokens, output_tokens,
         estimated_cost, max_budget, files_changed, commands_run, created_at, updated_at)
       SELECT 'bulk-' || n, ?, 'coder', 'fix', 'p', 'completed', 'C1', 'U1', 1, 1, 0, 5, '[]', '[]',
         strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || n || ' minutes'), strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || n || ' minutes') FROM i`,
    )
    .run(n, projectId);
}

describe('the time column check goes on in idle steps, not in page reads (issue 17)', () => {
  it('page reads keep the raw order without scanning on; the steps find a foreign time past the first slice, flip the order and end', () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite);
    manyTasks(conn.sqlite, p, 2 * SLICE);
    seedTask(conn.sqlite, { projectId: p, id: 'newest', createdAt: '2026-12-31T20:00:00.000Z' });
    // 14:00Z, but as text it sorts above 20:00Z, at the end of the index: in the third slice
    seedTask(conn.sqlite, { projectId: p, id: 'offset', createdAt: '2026-12-31T23:00:00+09:00' });
    const src = taskListSource(conn.db, {});
    const top = (): string[] => src.page({ kind: 'first' }, 2).map((t) => t.id);
    expect(top()).toEqual(['offset', 'newest']);
    // End, Home, End, Home...: as many page reads as would have finished the scan before
    for (let i = 0; i < 6; i++) {
      expect(src.page({ kind: 'last' }, 2)).toHaveLength(2);
      expect(top()).toEqual(['offset', 'newest']);
    }
    expect(allCanonical(conn.sqlite, 'tasks', 'created_at', 'idx_tasks_created')).toBe(true);

    expect(advanceTimeOrder(conn.sqlite)).toEqual({ scanned: true, changed: false, more: true });
    expect(top()).toEqual(['offset', 'newest']);
    expect(advanceTimeOrder(conn.sqlite)).toEqual({ scanned: true, changed: true, more: false });
    expect(advanceTimeOrder(conn.sqlite)).toEqual({ scanned: false, changed: false, more: false });
    expect(top()).toEqual(['newest', 'offset']);
    expect(src.page({ kind: 'first' }, 2).map((t) => t.createdAt)).toEqual(['2026-12-31T20:00:00.000Z', '2026-12-31T14:00:00.000Z']);
  });

  it('a clean table: the steps end after the last slice and the list keeps its index order', () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite);
    manyTasks(conn.sqlite, p, SLICE + 5);
    expect(advanceTimeOrder(conn.sqlite).scanned).toBe(false); // nothing looked at yet: nothing to do
    const src = taskListSource(conn.db, {});
    expect(src.page({ kind: 'first' }, 1).map((t) => t.id)).toEqual([`bulk-${SLICE + 5}`]);
    let steps = 0;
    for (let s = advanceTimeOrder(conn.sqlite); s.scanned; s = advanceTimeOrder(conn.sqlite)) {
      expect(s.changed).toBe(false);
      steps++;
    }
    expect(steps).toBe(1);
    expect(allCanonical(conn.sqlite, 'tasks', 'created_at', 'idx_tasks_created')).toBe(true);
    expect(src.page({ kind: 'first' }, 1).map((t) => t.id)).toEqual([`bulk-${SLICE + 5}`]);
  });
});
