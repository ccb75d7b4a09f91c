import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DB } from '../connection.js';
import { shapedTables } from '../tables.js';
import { selectMany } from '../repositories/queries.js';
import type { TaskRow } from '../types.js';

/** A task's subtasks as one read found them: their ids, and the last tasks rowid that read covered. */
export interface SubtaskSnapshot {
  readonly upTo: number;
  readonly ids: readonly string[];
}

/**
 * Production files have no index on tasks.parent_task_id (COMPAT.md: none on tasks), so finding
 * subtasks scans the table. The cancel does that scan before its write transaction; inside, it
 * re-reads those rows by primary key and looks only at rows inserted since (a rowid range).
 */
export function subtaskSnapshot(db: DB, parentId: string): SubtaskSnapshot {
  const t = shapedTables(db.$client).tasks;
  if (!t.exists || t.missing.has('parentTaskId')) return { upTo: 0, ids: [] };
  const upTo =
    db
      .select({ last: sql<number | null>`max(rowid)` })
      .from(t.table)
      .get()?.last ?? 0;
  const rows = db
    .select({ id: t.table.id })
    .from(t.table)
    .where(and(sql`rowid <= ${upTo}`, eq(t.table.parentTaskId, parentId)))
    .all();
  return { upTo, ids: rows.map((r) => r.id) };
}

/** The subtasks now, oldest first (as TaskRepository.findSubtasks orders them), from a snapshot. */
export function subtasksSince(db: DB, parentId: string, seen: SubtaskSnapshot): TaskRow[] {
  const t = shapedTables(db.$client).tasks;
  if (!t.exists || t.missing.has('parentTaskId')) return [];
  const known = seen.ids.length ? inArray(t.table.id, [...seen.ids]) : undefined;
  const fresh = sql`rowid > ${seen.upTo}`;
  const where = and(eq(t.table.parentTaskId, parentId), known ? sql`(${known} OR ${fresh})` : fresh);
  return selectMany(db, t, where, { orderBy: [asc(t.table.createdAt), asc(t.table.id)] });
}
