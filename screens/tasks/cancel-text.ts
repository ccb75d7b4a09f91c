import { agentNotice } from '../../db/actions/task-cancel-rules.js';
import type { TaskCancellation } from '../../db/actions/tasks.js';
import type { CancelPreview } from '../../db/views/task-detail.js';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The confirmation: what is set cancelled, what leaves the service's queue, and how the agent hears of it. */
export function cancelQuestion(p: CancelPreview): string {
  const subs = p.subtasks ? ` with its ${plural(p.subtasks, 'pending, queued or running subtask', 'pending, queued or running subtasks')}` : '';
  const submits = p.queuedSubmits
    ? ` ${plural(p.queuedSubmits, 'submit still waiting', 'submits still waiting')} in the service's queue ${p.queuedSubmits === 1 ? 'is' : 'are'} withdrawn, so the service never sends ${p.queuedSubmits === 1 ? 'it' : 'them'}.`
    : '';
  return `${p.id} is ${p.status}. It is set to cancelled${subs}; the audit log records it.${submits} ${agentNotice(p.agentId)}`;
}

/** The flash line after a cancel: what matters first, as the footer cuts a long line. */
export function cancelledLine(c: TaskCancellation): string {
  const subs = c.subtasks.length ? ` with ${plural(c.subtasks.length, 'subtask', 'subtasks')}` : '';
  const sent = c.cancelMessage === null ? 'this file has no offline_queue, so no agent is told' : `task:cancel queued for ${c.agentId === 'auto' ? 'any agent' : c.agentId}`;
  return `Cancelled ${c.task.id}${subs}; audited as task:cancelled; ${sent}.`;
}
