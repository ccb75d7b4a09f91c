import type { DB } from '../connection.js';
import { ConflictError, NotFoundError, PermissionError, ValidationError } from '../errors.js';
import type { Operator } from '../operator.js';
import { TaskRepository } from '../repositories/tasks.js';
import type { TaskRow } from '../types.js';
import { audit, runAction } from './run.js';

/** Why the console will not cancel a running task (COMPAT.md: only the cloud service can stop an agent). */
export const RUNNING_TASK_REFUSAL =
  'the database cannot stop its agent; cancel it from Slack, where the cloud service stops the agent over its socket';

const CANCELLABLE = new Set(['pending', 'queued']);

export function isCancellable(task: Pick<TaskRow, 'status'>): boolean {
  return CANCELLABLE.has(task.status);
}

/**
 * Cancels a pending or queued task: status cancelled, completed_at stays NULL (as the service
 * does), audited as `task:cancelled`. A developer may cancel only the tasks they started.
 */
export function cancelTask(db: DB, op: Operator, taskId: string): TaskRow {
  return runAction(db, op, null, (now) => {
    const tasks = new TaskRepository(db);
    const before = tasks.findById(taskId);
    if (!before) throw new NotFoundError('task', taskId);
    if (now.role !== 'admin' && before.slackUserId !== now.id) {
      throw new PermissionError(`a ${now.role} may cancel only their own tasks; task ${taskId} belongs to ${before.slackUserId}`);
    }
    if (before.status === 'running') throw new ValidationError(`task ${taskId} is running and ${RUNNING_TASK_REFUSAL}`);
    if (!isCancellable(before)) throw new ConflictError(`task ${taskId} is already ${before.status}; nothing was changed`);
    const after = tasks.update(taskId, { status: 'cancelled' });
    audit(db, now, 'task:cancelled', 'task', taskId, {
      before: { status: before.status },
      after: { status: after.status },
      projectId: before.projectId,
    });
    return after;
  });
}
