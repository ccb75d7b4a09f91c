import type { DB } from '../connection.js';
import { TaskRepository } from '../repositories/tasks.js';
import { SessionRepository } from '../repositories/sessions.js';
import { ProjectRepository } from '../repositories/projects.js';
import { parseStringArray, type Parsed } from '../json.js';
import type { SessionRow, TaskRow } from '../types.js';

/** A task in a list of relatives (parent, subtasks): enough to recognise and open it. */
export interface TaskRef {
  id: string;
  status: string;
  command: string;
  createdAt: string;
}

export interface TaskDetail {
  task: TaskRow;
  projectName: string | null;
  /** files_changed and commands_run: a list, or the raw text when malformed */
  filesChanged: Parsed<string[]>;
  commandsRun: Parsed<string[]>;
  sessions: SessionRow[];
  parent: TaskRef | null;
  subtasks: TaskRef[];
}

const ref = (t: TaskRow): TaskRef => ({ id: t.id, status: t.status, command: t.command, createdAt: t.createdAt });

/** Everything the task detail shows, read through the repositories; undefined when the task is gone. */
export function taskDetail(db: DB, id: string): TaskDetail | undefined {
  const tasks = new TaskRepository(db);
  const task = tasks.findById(id);
  if (!task) return undefined;
  const parent = task.parentTaskId ? tasks.findById(task.parentTaskId) : undefined;
  return {
    task,
    projectName: new ProjectRepository(db).findById(task.projectId)?.name ?? null,
    filesChanged: parseStringArray(task.filesChanged),
    commandsRun: parseStringArray(task.commandsRun),
    sessions: new SessionRepository(db).findByTaskId(id),
    parent: parent ? ref(parent) : task.parentTaskId ? { id: task.parentTaskId, status: 'missing', command: '', createdAt: '' } : null,
    subtasks: tasks.findSubtasks(id).map(ref),
  };
}
