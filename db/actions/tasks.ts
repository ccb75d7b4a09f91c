import type { DB } from '../connection.js';
import { ConflictError, NotFoundError, PermissionError } from '../errors.js';
import type { Operator } from '../operator.js';
import { TaskRepository } from '../repositories/tasks.js';
import { ProjectRepository } from '../repositories/projects.js';
import { OfflineQueueRepository } from '../repositories/offline-queue.js';
import type { TaskRow } from '../types.js';
import { audit, runAction } from './run.js';
import { AUTO_AGENT, cancelReason, isCancellable, subtaskReason } from './task-cancel-rules.js';
import { queuedFor, taskCancelMessage } from './task-messages.js';
import { subtaskSnapshot, subtasksSince } from './task-subtasks.js';

export { isCancellable, cancelRefusal, agentNotice, CANCELLABLE_STATUSES } from './task-cancel-rules.js';

/** One task the cancel set to cancelled, with what it did in the service's queue for it. */
export interface CancelledTask {
  readonly task: TaskRow;
  readonly before: string;
  readonly reason: string;
  /** offline_queue ids of its undelivered task:submit messages, now out of the drain */
  readonly withdrawnSubmits: number[];
  /** offline_queue id of the task:cancel message queued for its agent; null when the file has no offline_queue */
  readonly cancelMessage: number | null;
}

export interface TaskCancellation extends CancelledTask {
  /** the agent the task:cancel messages are queued for: projects.agent_id, possibly `auto` */
  readonly agentId: string;
  /** its pending, queued or running subtasks, cancelled with it */
  readonly subtasks: CancelledTask[];
}

export interface CancelOptions {
  /** given to the agent and the audit row; default `Cancelled by <@operator> from bematic-console` */
  readonly reason?: string;
}

/**
 * Cancels a pending, queued or running task as the service's CommandService.cancel does, in one
 * transaction: the task and each of its pending, queued or running subtasks (parent_task_id) are
 * set cancelled (completed_at stays NULL), each gets a `task:cancelled` audit row with `{reason}`
 * (subtasks: `Parent task <id> cancelled: <reason>`). The database cannot reach an agent, so for
 * each one, where the service broadcasts task:cancel over its sockets, a task:cancel message in the
 * service's envelope is queued in offline_queue for the project's agent: the service's drain
 * delivers it within about 30 s while it runs. Undelivered task:submit messages of each are
 * withdrawn, or the drain would send them and set the task back to pending.
 * A developer may cancel only the tasks they started.
 */
export function cancelTask(db: DB, op: Operator, taskId: string, opts: CancelOptions = {}): TaskCancellation {
  // The scans of unindexed tables, before the write lock is taken (see undeliveredSubmits, subtaskSnapshot).
  const seen = new OfflineQueueRepository(db).undeliveredSubmits();
  const children = subtaskSnapshot(db, taskId);
  return runAction(db, op, null, (now) => {
    const tasks = new TaskRepository(db);
    const before = tasks.findById(taskId);
    if (!before) throw new NotFoundError('task', taskId);
    if (now.role !== 'admin' && before.slackUserId !== now.id) {
      throw new PermissionError(`a ${now.role} may cancel only their own tasks; task ${taskId} belongs to ${before.slackUserId}`);
    }
    if (!isCancellable(before)) throw new ConflictError(`task ${taskId} is already ${before.status}; nothing was changed`);
    const reason = opts.reason ?? cancelReason(now);
    const agentId = new ProjectRepository(db).findById(before.projectId)?.agentId ?? AUTO_AGENT;
    const at = new Date();
    const queue = new OfflineQueueRepository(db);
    const one = (task: TaskRow, why: string): CancelledTask => {
      const withdrawnSubmits = queue.withdrawTaskSubmits(task.id, at.toISOString(), seen);
      const cancelMessage = queue.exists() ? queue.enqueue(queuedFor(agentId, taskCancelMessage(task.id, why, at), at)).id : null;
      return { task: tasks.update(task.id, { status: 'cancelled' }), before: task.status, reason: why, withdrawnSubmits, cancelMessage };
    };
    const parent = one(before, reason);
    // The service cancels one level of subtasks, and only those still pending, queued or running.
    const subtasks = subtasksSince(db, taskId, children)
      .filter(isCancellable)
      .map((s) => one(s, subtaskReason(taskId, reason)));
    const auditOne = (c: CancelledTask, extra: Record<string, unknown>): void => {
      audit(db, now, 'task:cancelled', 'task', c.task.id, {
        reason: c.reason,
        before: { status: c.before },
        after: { status: c.task.status },
        projectId: c.task.projectId,
        ...extra,
        withdrawnSubmits: c.withdrawnSubmits,
        cancelMessage: c.cancelMessage === null ? null : { queueId: c.cancelMessage, agentId },
      });
    };
    auditOne(parent, { subtasks: subtasks.map((s) => s.task.id) });
    for (const s of subtasks) auditOne(s, { parentTaskId: taskId });
    return { ...parent, agentId, subtasks };
  });
}
