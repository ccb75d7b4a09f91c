import { asc, desc, eq, and, inArray } from 'drizzle-orm';
import { BaseRepository } from './base.js';
import { withDefaults, assertWritable } from '../tables.js';
import { nowIso } from '../time.js';
import { toJson } from '../json.js';
import type { TaskInsert, TaskRow } from '../types.js';
import { newId, found } from './rows.js';

export type TaskStatus = 'pending' | 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
export const TASK_STATUSES: readonly TaskStatus[] = ['pending', 'queued', 'running', 'completed', 'failed', 'cancelled'];
export const ACTIVE_TASK_STATUSES: readonly TaskStatus[] = ['pending', 'queued', 'running'];

export type NewTask = Omit<TaskInsert, 'id' | 'createdAt' | 'updatedAt'> & { id?: string };
export type TaskPatch = Partial<Omit<TaskInsert, 'id' | 'createdAt' | 'updatedAt'>>;

export interface TaskCompletionMetrics {
  inputTokens: number;
  outputTokens: number;
  estimatedCost: number;
  filesChanged?: string[];
  commandsRun?: string[];
}

export class TaskRepository extends BaseRepository {
  create(data: NewTask): TaskRow {
    const t = this.tables.tasks;
    const now = nowIso();
    const values: TaskInsert = { ...data, id: data.id ?? newId('task'), status: data.status ?? 'pending', createdAt: now, updatedAt: now };
    assertWritable(t, values);
    return withDefaults(t, this.db.insert(t.table).values(values).returning().get());
  }

  findById(id: string): TaskRow | undefined {
    const t = this.tables.tasks;
    if (!t.exists) return undefined;
    const row = this.db.select().from(t.table).where(eq(t.table.id, id)).get();
    return row && withDefaults(t, row);
  }

  /** Newest first. */
  findByProjectId(projectId: string, limit = 50): TaskRow[] {
    const t = this.tables.tasks;
    if (!t.exists) return [];
    const rows = this.db.select().from(t.table).where(eq(t.table.projectId, projectId))
      .orderBy(desc(t.table.createdAt), desc(t.table.id)).limit(limit).all();
    return rows.map((r) => withDefaults(t, r));
  }

  /** Newest first; pass a limit for statuses that can hold millions of rows (completed). */
  findByStatus(status: string, limit?: number): TaskRow[] {
    const t = this.tables.tasks;
    if (!t.exists) return [];
    const q = this.db.select().from(t.table).where(eq(t.table.status, status)).orderBy(desc(t.table.createdAt), desc(t.table.id));
    return (limit === undefined ? q.all() : q.limit(limit).all()).map((r) => withDefaults(t, r));
  }

  /** pending, queued and running tasks of a project, oldest first (queue order). */
  findActiveByProjectId(projectId: string): TaskRow[] {
    const t = this.tables.tasks;
    if (!t.exists) return [];
    const rows = this.db.select().from(t.table)
      .where(and(eq(t.table.projectId, projectId), inArray(t.table.status, [...ACTIVE_TASK_STATUSES])))
      .orderBy(asc(t.table.createdAt), asc(t.table.id)).all();
    return rows.map((r) => withDefaults(t, r));
  }

  /** Subtasks oldest first; none on files older than tasks.parent_task_id. */
  findSubtasks(parentId: string): TaskRow[] {
    const t = this.tables.tasks;
    if (!t.exists || t.missing.has('parentTaskId')) return [];
    const rows = this.db.select().from(t.table).where(eq(t.table.parentTaskId, parentId))
      .orderBy(asc(t.table.createdAt), asc(t.table.id)).all();
    return rows.map((r) => withDefaults(t, r));
  }

  update(id: string, patch: TaskPatch): TaskRow {
    const t = this.tables.tasks;
    const set = { ...patch, updatedAt: nowIso() };
    assertWritable(t, set);
    const row = this.db.update(t.table).set(set).where(eq(t.table.id, id)).returning().get();
    return withDefaults(t, found(row, 'task', id));
  }

  complete(id: string, result: string, metrics: TaskCompletionMetrics): TaskRow {
    const now = nowIso();
    return this.update(id, {
      status: 'completed',
      result,
      inputTokens: metrics.inputTokens,
      outputTokens: metrics.outputTokens,
      estimatedCost: metrics.estimatedCost,
      filesChanged: metrics.filesChanged && toJson(metrics.filesChanged),
      commandsRun: metrics.commandsRun && toJson(metrics.commandsRun),
      completedAt: now,
    });
  }

  fail(id: string, errorMessage: string): TaskRow {
    return this.update(id, { status: 'failed', errorMessage, completedAt: nowIso() });
  }
}
