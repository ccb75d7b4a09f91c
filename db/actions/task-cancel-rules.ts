import type { Operator } from '../operator.js';

/** projects.agent_id when any agent may take the project's work; the drain then picks the least busy. */
export const AUTO_AGENT = 'auto';

/** The statuses the service's own cancel acts on (CommandService.cancel, /bm-admin cancel-task). */
export const CANCELLABLE_STATUSES: readonly string[] = ['pending', 'queued', 'running'];

export function isCancellable(task: { readonly status: string }): boolean {
  return CANCELLABLE_STATUSES.includes(task.status);
}

/**
 * Why this operator cannot cancel this task (a sentence for the flash line), or null when `c` can act: the status, then the role
 * (a developer only their own tasks), short enough for the flash line. The action checks both
 * again inside its transaction.
 */
export function cancelRefusal(task: { readonly id: string; readonly status: string; readonly slackUserId: string }, op: Pick<Operator, 'id' | 'role'>): string | null {
  if (!isCancellable(task)) return `${task.id} is ${task.status}: only pending, queued or running tasks can be cancelled`;
  if (op.role !== 'admin' && task.slackUserId !== op.id) {
    return `A ${op.role} may cancel only their own tasks; ${task.id} belongs to ${task.slackUserId}`;
  }
  return null;
}

/** The reason the agent and the audit row are given, in the service's wording (`Cancelled by <@U…>`). */
export function cancelReason(op: Pick<Operator, 'id'>): string {
  const who = /^[UW][A-Z0-9]{2,}$/.test(op.id) ? `<@${op.id}>` : op.id;
  return `Cancelled by ${who} from bematic-console`;
}

/** The service's reason for a subtask cancelled with its parent (CommandService.cancel). */
export const subtaskReason = (parentId: string, reason: string): string => `Parent task ${parentId} cancelled: ${reason}`;

/**
 * What the confirmation says about reaching the agent: the console writes to the database only,
 * and the service's queue drain (every agent connect, every 30 s while one is connected) carries
 * the task:cancel message to it.
 */
export function agentNotice(agentId: string): string {
  const who = agentId === AUTO_AGENT ? 'the agent the service picks, as the project says auto' : `agent ${agentId}`;
  return `The agent is told via the service's queue (task:cancel for ${who}) within about 30 s while the service runs; if the service is down, nothing stops an agent already running it.`;
}
