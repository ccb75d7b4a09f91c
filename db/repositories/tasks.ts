import { asc, desc, eq, and, inArray } from 'drizzle-orm';
import { BaseRepository } from './base.js';
import { nowIso } from '../time.js';
import { toJson } from '../json.js';
import type { TaskInsert, TaskRow } from '../types.js';
import { newId } from './rows.js';
import { selectFirst, selectMany, insertRow, updateOne } from './queries.js';
import { givenIso } from './fields.js';

export type TaskStatus = 'pending' | 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
export const TASK_STATUSES: readonly TaskStatus[] = ['pending', 'queued', 'running', 'completed', 'failed', 'cancelled'];
export const ACTIVE_TASK_STATUSES: readonly TaskStatus[] = ['pending', 'queued', 'running'];

/** The service's TaskInsert: id, createdAt and updatedAt (ISO) are made unless given. */
export type NewTask = Omit<TaskInsert, 'id' | 'createdAt' | 'updatedAt'> & { id?: string; createdAt?: string; updatedAt?: string };
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
    const now = nowIso();
    const values: TaskInsert = {
      ...data,
      id: data.id ?? newId('task'),
      status: data.status ?? 'pending',
      createdAt: givenIso(data.createdAt, 'createdAt') ?? now,
      updatedAt: givenIso(data.updatedAt, 'updatedAt') ?? now,
    };
    return insertRow(this.db, this.tables.tasks, values);
  }

  findById(id: string): TaskRow | undefined {
    const t = this.tables.tasks;
    return selectFirst(this.db, t, eq(t.table.id, id));
  }

  /** Newest first. */
  findByProjectId(projectId: string, limit = 50): TaskRow[] {
    const t = this.tables.tasks;
    return selectMany(this.db, t, eq(t.table.projectId, projectId), { orderBy: [desc(t.table.createdAt), desc(t.table.id)], limit });
  }

  /** Newest first; pass a limit for statuses that can hold millions of rows (completed). */
  findByStatus(status: string, limit?: number): TaskRow[] {
    const t = this.tables.tasks;
    return selectMany(this.db, t, eq(t.table.status, status), { orderBy: [desc(t.table.createdAt), desc(t.table.id)], limit });
  }

  /** pending, queued and running tasks of a project, oldest first (queue order). */
  findActiveByProjectId(projectId: string): TaskRow[] {
    const t = this.tables.tasks;
    const where = and(eq(t.table.projectId, projectId), inArray(t.table.status, [...ACTIVE_TASK_STATUSES]));
    return selectMany(this.db, t, where, { orderBy: [asc(t.table.createdAt), asc(t.table.id)] });
  }

  /** Subtasks oldest first; none on files older than tasks.parent_task_id. */
  findSubtasks(parentId: string): TaskRow[] {
    const t = this.tables.tasks;
    if (t.missing.has('parentTaskId')) return [];
    return selectMany(this.db, t, eq(t.table.parentTaskId, parentId), { orderBy: [asc(t.table.createdAt), asc(t.table.id)] });
  }

  update(id: string, patch: TaskPatch): TaskRow {
    const t = this.tables.tasks;
    return updateOne(this.db, t, { ...patch, updatedAt: nowIso() }, eq(t.table.id, id), 'task', id);
  }

  complete(id: string, result: string, metrics: TaskCompletionMetrics): TaskRow {
    return this.update(id, {
      status: 'completed',
      result,
      inputTokens: metrics.inputTokens,
      outputTokens: metrics.outputTokens,
      estimatedCost: metrics.estimatedCost,
      filesChanged: metrics.filesChanged && toJson(metrics.filesChanged),
      commandsRun: metrics.commandsRun && toJson(metrics.commandsRun),
      completedAt: nowIso(),
    });
  }

  fail(id: string, errorMessage: string): TaskRow {
    return this.update(id, { status: 'failed', errorMessage, completedAt: nowIso() });
  }
}
