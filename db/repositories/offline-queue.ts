import { and, asc, eq, gt, lte, or, sql, type SQL } from 'drizzle-orm';
import { BaseRepository } from './base.js';
import { nowIso } from '../time.js';
import type { OfflineQueueInsert, OfflineQueueRow } from '../types.js';
import { selectMany, insertRow, updateOne } from './queries.js';

export type NewOfflineMessage = Omit<OfflineQueueInsert, 'id' | 'createdAt' | 'delivered' | 'deliveredAt'> & { createdAt?: string };

/** The message type of a task submission in the service's queue (packages/common MessageType.TASK_SUBMIT). */
export const TASK_SUBMIT = 'task:submit';

export class OfflineQueueRepository extends BaseRepository {
  /** Whether the file has offline_queue at all (every service age and the spec do). */
  exists(): boolean {
    return this.tables.offlineQueue.exists;
  }

  enqueue(data: NewOfflineMessage): OfflineQueueRow {
    const values: OfflineQueueInsert = { ...data, createdAt: data.createdAt ?? nowIso(), delivered: false };
    return insertRow(this.db, this.tables.offlineQueue, values);
  }

  /** Undelivered and not yet expired, in the order they were queued. */
  findPendingByAgentId(agentId: string): OfflineQueueRow[] {
    const t = this.tables.offlineQueue;
    const where = and(eq(t.table.agentId, agentId), eq(t.table.delivered, false), gt(t.table.expiresAt, nowIso()));
    return selectMany(this.db, t, where, { orderBy: [asc(t.table.createdAt), asc(t.table.id)] });
  }

  /**
   * Undelivered `task:submit` messages for one task, in queue order: the rows the service's drain
   * would still send (and then set the task back to pending). The task is the stored message's
   * `payload.taskId`; a payload that is not JSON names no task (json_extract would raise on it).
   */
  findUndeliveredSubmits(taskId: string): OfflineQueueRow[] {
    const t = this.tables.offlineQueue;
    if (!t.exists) return [];
    const field = (path: string): SQL => sql`(CASE WHEN json_valid(${t.table.payload}) THEN json_extract(${t.table.payload}, ${path}) END)`;
    const isSubmit = or(eq(t.table.messageType, TASK_SUBMIT), sql`${field('$.type')} = ${TASK_SUBMIT}`);
    const where = and(eq(t.table.delivered, false), isSubmit, sql`${field('$.payload.taskId')} = ${taskId}`);
    return selectMany(this.db, t, where, { orderBy: [asc(t.table.id)] });
  }

  /**
   * Takes undelivered `task:submit` messages of a task out of the service's drain; returns their ids.
   *
   * They are marked delivered (delivered 1, delivered_at now) rather than deleted or expired:
   * both of the service's readers (OfflineQueueRepository.findAllPending, used by the drain on every
   * agent connect and every 30 s, and findPendingByAgentId) select `delivered = 0` in SQL, so such a
   * row is never read again; its cleanExpired deletes only undelivered rows, so it stays as the trace
   * the audit row points at. Moving expires_at instead would lean on the drain's string comparison
   * with the clock, and deleting would leave nothing to show what was withdrawn.
   */
  withdrawTaskSubmits(taskId: string, at: string = nowIso()): number[] {
    const rows = this.findUndeliveredSubmits(taskId);
    for (const r of rows) this.markDelivered(r.id, at);
    return rows.map((r) => r.id);
  }

  markDelivered(id: number, at: string = nowIso()): OfflineQueueRow {
    const t = this.tables.offlineQueue;
    return updateOne(this.db, t, { delivered: true, deliveredAt: at }, eq(t.table.id, id), 'offline message', id);
  }

  /**
   * Deletes undelivered messages whose expiry has passed; returns how many went. Delivered rows
   * stay, as the service's own cleanExpired leaves them (delivered = 0 AND expires_at <= now).
   */
  cleanExpired(): number {
    const t = this.tables.offlineQueue;
    if (!t.exists) return 0;
    return this.db.delete(t.table).where(and(eq(t.table.delivered, false), lte(t.table.expiresAt, nowIso()))).run().changes;
  }
}
