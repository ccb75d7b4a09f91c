import { cancelTask, isCancellable, RUNNING_TASK_REFUSAL } from '../../db/actions/tasks.js';
import { useServices } from '../../src/app/services.js';
import { useLive } from '../../src/app/live.js';
import { useFlash } from '../../src/app/flash.js';
import { useConfirm, type Confirm } from '../../src/hooks/use-confirm.js';

export interface CancelTask {
  /** null when this operator may not change anything: the key is then not offered */
  readonly request: ((task: { id: string; status: string }) => void) | null;
  readonly dialog: Confirm['dialog'];
}

/**
 * `c`: a pending or queued task is cancelled after a confirmation, in one audited transaction;
 * a running one is refused with the reason (the database cannot stop its agent).
 */
export function useCancelTask(): CancelTask {
  const { db, operator, refusal } = useServices();
  const { refresh } = useLive();
  const { flash } = useFlash();
  const confirm = useConfirm();
  const run = (id: string): void => {
    try {
      const after = cancelTask(db, operator, id);
      flash(`Task ${id} is now ${after.status}; audited as task:cancelled.`, 'success');
    } catch (e) {
      flash(`Not cancelled: ${e instanceof Error ? e.message : String(e)}`, 'danger');
    }
    refresh(); // our own write does not change data_version for this connection
  };
  const request = (task: { id: string; status: string }): void => {
    if (task.status === 'running') return flash(`Task ${task.id} is running: ${RUNNING_TASK_REFUSAL}.`, 'warning');
    if (!isCancellable(task)) return flash(`Task ${task.id} is ${task.status}: only pending or queued tasks can be cancelled.`, 'warning');
    confirm.ask({
      title: 'Cancel this task?',
      message: `${task.id} is ${task.status}. It will be set to cancelled and never run; the audit log records it.`,
      onYes: () => run(task.id),
    });
  };
  return { request: refusal === null ? request : null, dialog: confirm.dialog };
}
