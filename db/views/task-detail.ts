import type { DB } from '../connection.js';
import { TaskRepository } from '../repositories/tasks.js';
import { SessionRepository } from '../repositories/sessions.js';
import { ProjectRepository } from '../repositories/projects.js';
import { OfflineQueueRepository } from '../repositories/offline-queue.js';
import { AUTO_AGENT, isCancellable } from '../actions/task-cancel-rules.js';
import { parseStringArray, type Parsed } from '../json.js';
import type { SessionRow, TaskRow } from '../types.js';
import { textOrNull } from '../cells.js';
import { cleanRowOf } from './table-cells.js';
import { userNameOf } from './user-names.js';

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
  /** users.slack_username of the task's slack_user_id; null when no user has that id */
  userName: string | null;
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
  const raw = tasks.findById(id);
  const task = cleanRowOf(db, 'tasks', raw);
  if (!raw || !task) return undefined;
  const clean = (t: TaskRow): TaskRow => cleanRowOf(db, 'tasks', t)!;
  // Relatives are looked up by the stored values, then cleaned for the screen.
  const parent = typeof raw.parentTaskId === 'string' && raw.parentTaskId ? tasks.findById(raw.parentTaskId) : undefined;
  return {
    task,
    projectName: typeof raw.projectId === 'string' ? textOrNull(new ProjectRepository(db).findById(raw.projectId)?.name) : null,
    userName: userNameOf(db, task.slackUserId),
    filesChanged: parseStringArray(raw.filesChanged),
    commandsRun: parseStringArray(raw.commandsRun),
    sessions: new SessionRepository(db).findByTaskId(id).map((s) => cleanRowOf(db, 'sessions', s)!),
    parent: parent ? ref(clean(parent)) : task.parentTaskId ? { id: task.parentTaskId, status: 'missing', command: '', createdAt: '' } : null,
    subtasks: tasks.findSubtasks(id).map((t) => ref(clean(t))),
  };
}

/** What cancelling a task would touch, for the confirmation: read before asking, written by cancelTask. */
export interface CancelPreview {
  readonly id: string;
  readonly status: string;
  /** projects.agent_id (`auto` when the project is gone): where the task:cancel message is queued */
  readonly agentId: string;
  /** pending, queued or running subtasks, cancelled with it */
  readonly subtasks: number;
  /** undelivered task:submit messages of it and those subtasks, withdrawn from the service's queue */
  readonly queuedSubmits: number;
}

export function cancelPreview(db: DB, id: string): CancelPreview | undefined {
  const tasks = new TaskRepository(db);
  const task = tasks.findById(id);
  if (!task) return undefined;
  const subtasks = tasks.findSubtasks(id).filter(isCancellable);
  const { byTask } = new OfflineQueueRepository(db).undeliveredSubmits();
  const queuedSubmits = [task, ...subtasks].reduce((n, t) => n + (byTask.get(t.id)?.length ?? 0), 0);
  const agentId = new ProjectRepository(db).findById(task.projectId)?.agentId ?? AUTO_AGENT;
  return { id, status: task.status, agentId, subtasks: subtasks.length, queuedSubmits };
}
