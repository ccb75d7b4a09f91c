import { nanoid } from 'nanoid';

/**
 * Messages for the service's offline queue, in the service's own envelope: its createWSMessage
 * (packages/common/src/utils/ws-helpers.ts) writes `{id: 'msg_' + nanoid(21), type, payload,
 * timestamp: Date.now()}` and OfflineQueue.enqueue (packages/cloud/src/gateway/offline-queue.ts)
 * stores JSON.stringify of it as `payload`, message.type as `message_type`, expires_at now +
 * Limits.OFFLINE_QUEUE_TTL_MS (24 h) as ISO text, delivered 0.
 */
export const TASK_CANCEL = 'task:cancel';

/** Limits.OFFLINE_QUEUE_TTL_MS in packages/common/src/constants/limits.ts */
export const OFFLINE_QUEUE_TTL_MS = 86_400_000;

/** What the service sends an agent to stop a task (packages/common TaskCancelPayload). */
export interface TaskCancelPayload {
  readonly taskId: string;
  readonly reason: string;
}

export interface ServiceMessage<P> {
  readonly id: string;
  readonly type: string;
  readonly payload: P;
  readonly timestamp: number;
}

/** The offline_queue row (without its id) that carries one message for one agent. */
export interface QueuedMessage {
  readonly agentId: string;
  readonly messageType: string;
  readonly payload: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

export function taskCancelMessage(taskId: string, reason: string, now: Date): ServiceMessage<TaskCancelPayload> {
  return { id: `msg_${nanoid(21)}`, type: TASK_CANCEL, payload: { taskId, reason }, timestamp: now.getTime() };
}

export function queuedFor<P>(agentId: string, message: ServiceMessage<P>, now: Date): QueuedMessage {
  return {
    agentId,
    messageType: message.type,
    payload: JSON.stringify(message),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + OFFLINE_QUEUE_TTL_MS).toISOString(),
  };
}
