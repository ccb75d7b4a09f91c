import { cancelTask, cancelRefusal } from '../../db/actions/tasks.js';
import { cancelPreview } from '../../db/views/task-detail.js';
import { useServices } from '../../src/app/services.js';
import { useScopeMarker } from '../../src/app/keypress-bus.js';
import type { Confirm } from '../../src/hooks/use-confirm.js';
import { useAction } from '../../src/hooks/use-admin-action.js';
import { cancelledLine, cancelQuestion } from './cancel-text.js';

/** What `c` needs of a task row: the list item and the detail's task both have it. */
export interface CancelTarget {
  readonly id: string;
  readonly status: string;
  readonly slackUserId: string;
}

/** The keymap marker (bindings `when`) that makes the footer offer `c`: named only while it can act. */
export const CANCEL_HINT_SCOPE = 'task-cancellable';

export interface CancelTask {
  /** null when this operator may not change anything: the key is then not offered */
  readonly request: ((task: CancelTarget) => void) | null;
  readonly dialog: Confirm['dialog'];
}

/**
 * `c`: a pending, queued or running task is cancelled after a confirmation that says what happens
 * (subtasks, queued submits, the agent told through the service's queue), in one audited
 * transaction; a task it cannot act on gets the reason in the flash line.
 */
export function useCancelTask(): CancelTask {
  // the one action helper: ask, run in one audited transaction, flash, read again
  // (task:cancelled cannot be undone, so its flash offers no `u undo`)
  const { db, operator, refusal, flash, confirm, run } = useAction('cancel tasks');
  const cancel = (id: string): void => run(() => cancelledLine(cancelTask(db, operator, id)), 'Not cancelled');
  const request = (task: CancelTarget): void => {
    const why = cancelRefusal(task, operator);
    if (why) return flash(`${why}.`, 'warning');
    const preview = cancelPreview(db, task.id); // fresh: the row shown may be up to a poll old
    if (!preview) return flash(`Not cancelled: task ${task.id} is no longer in this database.`, 'warning');
    const now = cancelRefusal({ ...task, status: preview.status }, operator);
    if (now) return flash(`${now}.`, 'warning');
    confirm.ask({ title: 'Cancel this task?', message: cancelQuestion(preview), onYes: () => cancel(task.id) });
  };
  return { request: refusal === null ? request : null, dialog: confirm.dialog };
}

/** While `target` can be cancelled by this operator, the footer offers `c` (the binding's `when`). */
export function useCancelHint(target: CancelTarget | undefined, active: boolean): void {
  const { operator, refusal } = useServices();
  const canAct = refusal === null && target !== undefined && cancelRefusal(target, operator) === null;
  // Named in this render, so the footer of the frame that shows the row says whether `c` acts on it.
  useScopeMarker(CANCEL_HINT_SCOPE, active && canAct);
}
