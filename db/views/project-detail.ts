import type { DB } from '../connection.js';
import { shapedTables } from '../tables.js';
import { ProjectRepository } from '../repositories/projects.js';
import { TaskRepository } from '../repositories/tasks.js';
import { ScheduledTaskRepository } from '../repositories/scheduled-tasks.js';
import { ApiKeyRepository } from '../repositories/api-keys.js';
import type { ProjectRow, ScheduledTaskRow, TaskRow } from '../types.js';
import { cleanRowOf } from './table-cells.js';
import { apiKeyListSource, type ApiKeyListItem } from './api-keys.js';
import { projectTaskStats, type ProjectTaskStats } from './projects.js';

/** A task of the project, enough to recognise and open it. */
export interface ProjectTaskRef {
  readonly id: string;
  readonly status: string;
  readonly command: string;
  readonly prompt: string;
  readonly createdAt: string;
}

/** A schedule of the project, enough to tell it from the others and open it. */
export interface ProjectScheduleRef {
  readonly id: string;
  readonly status: string;
  readonly taskType: string;
  readonly prompt: string;
  readonly nextExecutionAt: string | null;
  readonly timezone: string;
}

export interface ProjectDetail {
  readonly project: ProjectRow;
  /** the newest tasks, newest first (at most `limits.tasks`) */
  readonly tasks: readonly ProjectTaskRef[];
  /** the project's schedules (at most `limits.schedules`), or null when the file has no scheduled_tasks table */
  readonly schedules: readonly ProjectScheduleRef[] | null;
  readonly scheduleCount: number;
  /** the keys of the project's agent (newest first, masked; at most `limits.keys`), or null when the file has no api_keys table */
  readonly keys: readonly ApiKeyListItem[] | null;
  readonly keyCount: number;
}

export interface ProjectDetailLimits {
  readonly tasks: number;
  readonly schedules: number;
  readonly keys: number;
}

const taskRef = (t: TaskRow): ProjectTaskRef => ({ id: t.id, status: t.status, command: t.command, prompt: t.prompt, createdAt: t.createdAt });

const scheduleRef = (s: ScheduledTaskRow): ProjectScheduleRef => ({
  id: s.id,
  status: s.status,
  taskType: s.taskType,
  prompt: s.prompt,
  nextExecutionAt: s.nextExecutionAt,
  timezone: s.timezone,
});

/**
 * One project with what belongs to it, through the repositories: its newest tasks (by the
 * project index, newest first), its schedules and its agent's keys (both small tables). The
 * counts are apart (projectDetailStats): they read every task of the project.
 */
export function projectDetail(db: DB, id: string, limits: ProjectDetailLimits): ProjectDetail | undefined {
  const project = cleanRowOf(db, 'projects', new ProjectRepository(db).findById(id));
  if (!project) return undefined;
  const tables = shapedTables(db.$client);
  const tasks = new TaskRepository(db).findByProjectId(id, limits.tasks).map((t) => taskRef(cleanRowOf(db, 'tasks', t)!));
  // scheduled_tasks and api_keys hold a few rows per project or agent: read whole, shown in part
  const allSchedules = new ScheduledTaskRepository(db).findByProjectId(id);
  const schedules = tables.scheduledTasks.exists ? allSchedules.slice(0, limits.schedules).map((s) => scheduleRef(cleanRowOf(db, 'scheduledTasks', s)!)) : null;
  const keys = tables.apiKeys.exists ? apiKeyListSource(db, { agent: project.agentId }).page({ kind: 'first' }, limits.keys) : null;
  const keyCount = tables.apiKeys.exists ? new ApiKeyRepository(db).findByAgentId(project.agentId).length : 0;
  return { project, tasks, schedules, scheduleCount: allSchedules.length, keys, keyCount };
}

/** Task counts and spend of one project (every task of it is read: after the first frame). */
export function projectDetailStats(db: DB, id: string): ProjectTaskStats {
  return projectTaskStats(db, [id]).get(id) ?? { total: 0, active: 0, failed: 0, cost: 0 };
}
