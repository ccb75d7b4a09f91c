import { describe, it, expect } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { minutesAgo, seedProject, seedTasks } from '../helpers/seed.js';
import { tasksByStatus, usageSince } from '../../db/views/dashboard.js';
import { tasksByStatusInSteps, usageSinceInSteps, type Steps } from '../../db/views/dashboard-steps.js';

/** Runs a stepped read to its end; returns the result and how many steps it yielded. */
function run<T>(steps: Steps<T>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return { value: r.value, yields };
    yields++;
  }
}

const STATUSES = ['completed', 'completed', 'completed', 'failed', 'cancelled', 'running', 'completed', 'pending'];

describe('dashboard totals in steps', () => {
  it('counts tasks by status as one GROUP BY does, a bounded slice per step, ties on created_at included', () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite);
    // Every third task shares its created_at with the one before: ranges must not split or double them.
    seedTasks(conn.sqlite, p, 500, (i) => ({ status: STATUSES[i % STATUSES.length], createdAt: minutesAgo(i - (i % 3 === 2 ? 1 : 0)) }));
    const { value, yields } = run(tasksByStatusInSteps(conn.db, 40));
    expect(value).toEqual(tasksByStatus(conn.db));
    expect(value.reduce((n, s) => n + s.count, 0)).toBe(500);
    // about 500 / 40 slices: the work is cut up, not done in one read
    expect(yields).toBeGreaterThanOrEqual(10);
  });

  it('falls back to one read on a file without the status index, and to nothing without tasks', () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite);
    seedTasks(conn.sqlite, p, 30, (i) => ({ status: STATUSES[i % STATUSES.length] }));
    conn.sqlite.exec('DROP INDEX idx_tasks_status_created');
    expect(run(tasksByStatusInSteps(conn.db, 5))).toEqual({ value: tasksByStatus(conn.db), yields: 0 });
    conn.sqlite.exec('DROP TABLE tasks');
    expect(run(tasksByStatusInSteps(conn.db)).value).toEqual([]);
  });

  it('sums 7 days of usage a day at a time to what one read gives', () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite);
    const now = Date.parse('2026-11-26T12:00:00.000Z');
    // one task every 2 hours over 9 days, and one stamped in the future
    seedTasks(conn.sqlite, p, 9 * 12, (i) => ({ createdAt: minutesAgo(i * 120), inputTokens: i, outputTokens: 2 * i, estimatedCost: i / 100 }));
    seedTasks(conn.sqlite, p, 1, () => ({ createdAt: minutesAgo(-30) }));
    const since = new Date(now - 7 * 86_400_000).toISOString();
    const { value, yields } = run(usageSinceInSteps(conn.db, since, now));
    const once = usageSince(conn.db, since);
    expect(value.tasks).toBe(once.tasks);
    expect(value.inputTokens).toBe(once.inputTokens);
    expect(value.outputTokens).toBe(once.outputTokens);
    expect(value.cost).toBeCloseTo(once.cost, 9);
    expect(yields).toBe(6);
  });
});
