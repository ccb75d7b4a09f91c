import { and, asc, count, eq, gt, lte } from 'drizzle-orm';
import type { DB } from '../connection.js';
import { currentShape, shapedTables } from '../tables.js';
import { tasksByStatus, usageSince, type StatusCount, type Usage } from './dashboard.js';

/**
 * A read done in steps: each `next()` does one bounded piece of work, and the result comes with
 * `done`. The caller runs one step per timer tick, so a key pressed meanwhile waits one step.
 */
export type Steps<T> = Generator<void, T, void>;

/** Index entries a step reads at most (20,000 status entries took 2-7 ms at 1M tasks under load). */
export const DASHBOARD_STEP = 20_000;

/**
 * Tasks per status, largest first, counted through idx_tasks_status_created a slice at a time:
 * one GROUP BY over every task is a single 75-500 ms read at 1M tasks. Each status is found by
 * one index seek and counted in created_at ranges of about `step` entries (plain range bounds:
 * row-value bounds cost 5x more per entry).
 */
export function* tasksByStatusInSteps(db: DB, step = DASHBOARD_STEP): Steps<StatusCount[]> {
  const t = shapedTables(db.$client).tasks;
  if (!t.exists) return [];
  // Without the index every step would scan the whole table: one scan is the least work.
  if (!currentShape(db.$client).indexes.has('idx_tasks_status_created')) return tasksByStatus(db);
  const c = t.table;
  const nextStatus = (after: string | null): string | undefined =>
    db
      .select({ s: c.status })
      .from(c)
      .where(after === null ? undefined : gt(c.status, after))
      .orderBy(asc(c.status))
      .limit(1)
      .get()?.s;
  const counts: StatusCount[] = [];
  let read = 0;
  for (let status = nextStatus(null); status !== undefined; status = nextStatus(status)) {
    let n = 0;
    let after: string | null = null;
    for (;;) {
      const from = and(eq(c.status, status), after === null ? undefined : gt(c.createdAt, after));
      // The created_at `step` entries on: ties with it fall in this range, so ranges never overlap.
      const bound = db
        .select({ at: c.createdAt })
        .from(c)
        .where(from)
        .orderBy(asc(c.createdAt))
        .limit(1)
        .offset(step - 1)
        .get()?.at;
      const inRange =
        db
          .select({ n: count() })
          .from(c)
          .where(and(from, bound === undefined ? undefined : lte(c.createdAt, bound)))
          .get()?.n ?? 0;
      n += inRange;
      read += inRange;
      if (read >= step) {
        read = 0;
        yield;
      }
      if (bound === undefined) break;
      after = bound;
    }
    counts.push({ status, count: n });
  }
  return counts.sort((a, b) => b.count - a.count);
}

/** Tokens and spend since `sinceIso`, summed a day at a time (7 days at 1M tasks: ~120k index entries, 20-50 ms at once). */
export function* usageSinceInSteps(db: DB, sinceIso: string, now = Date.now(), dayMs = 86_400_000): Steps<Usage> {
  const total: Usage = { tasks: 0, inputTokens: 0, outputTokens: 0, cost: 0 };
  const start = Date.parse(sinceIso);
  if (Number.isNaN(start)) return usageSince(db, sinceIso);
  for (let from = start; ; from += dayMs) {
    const last = from + dayMs >= now;
    // The last range is open: tasks stamped after now (clock skew) still count, as in one read.
    const u = usageSince(db, new Date(from).toISOString(), last ? undefined : new Date(from + dayMs).toISOString());
    total.tasks += u.tasks;
    total.inputTokens += u.inputTokens;
    total.outputTokens += u.outputTokens;
    total.cost += u.cost;
    if (last) return total;
    yield;
  }
}
