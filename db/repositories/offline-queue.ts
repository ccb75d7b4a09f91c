import { and, asc, eq, gt, inArray, lte, max, or, sql, type SQL } from 'drizzle-orm';
import { BaseRepository } from './base.js';
import { nowIso } from '../time.js';
import type { OfflineQueueInsert, OfflineQueueRow } from '../types.js';
import { selectMany, insertRow, updateOne } from './queries.js';

export type NewOfflineMessage = Omit<OfflineQueueInsert, 'id' | 'createdAt' | 'delivered' | 'deliveredAt'> & { createdAt?: string };

/** The message type of a task submission in the service's queue (packages/common MessageType.TASK_SUBMIT). */
export const TASK_SUBMIT = 'task:submit';

/** Undelivered task:submit messages by task, as one pass over the queue read them (ids up to `upTo`). */
export interface SubmitSnapshot {
  readonly upTo: number;
  readonly byTask: ReadonlyMap<string, readonly number[]>;
}

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

  private submitWhere(): { where: SQL | undefined; taskId: SQL } {
    const t = this.tables.offlineQueue;
    // A payload that is not JSON names no task (json_extract would raise on it).
    const field = (path: string): SQL => sql`(CASE WHEN json_valid(${t.table.payload}) THEN json_extract(${t.table.payload}, ${path}) END)`;
    const isSubmit = or(eq(t.table.messageType, TASK_SUBMIT), sql`${field('$.type')} = ${TASK_SUBMIT}`);
    return { where: and(eq(t.table.delivered, false), isSubmit), taskId: field('$.payload.taskId') };
  }

  /**
   * Undelivered `task:submit` messages for one task, in queue order: the rows the service's drain
   * would still send (and then set the task back to pending). The task is the stored message's
   * `payload.taskId`. `afterId` reads only rows queued after a snapshot (a rowid range, not a scan).
   */
  findUndeliveredSubmits(taskId: string, afterId = 0): OfflineQueueRow[] {
    const t = this.tables.offlineQueue;
    if (!t.exists) return [];
    const { where, taskId: field } = this.submitWhere();
    return selectMany(this.db, t, and(gt(t.table.id, afterId), where, sql`${field} = ${taskId}`), { orderBy: [asc(t.table.id)] });
  }

  /**
   * Every undelivered task:submit by task, in one pass. Production files have no index on
   * offline_queue and the service never deletes delivered rows, so this scan grows with the queue's
   * history: a cancel takes it before its write transaction, and inside re-checks these ids and
   * reads only rows queued since (the service never sets a row back to undelivered).
   */
  undeliveredSubmits(): SubmitSnapshot {
    const t = this.tables.offlineQueue;
    if (!t.exists) return { upTo: 0, byTask: new Map() };
    const upTo =
      this.db
        .select({ last: max(t.table.id) })
        .from(t.table)
        .get()?.last ?? 0;
    const { where, taskId } = this.submitWhere();
    const rows = this.db
      .select({ id: t.table.id, taskId: sql<string | null>`${taskId}` })
      .from(t.table)
      .where(and(lte(t.table.id, upTo), where))
      .all();
    const byTask = new Map<string, number[]>();
    for (const r of rows) if (typeof r.taskId === 'string') byTask.set(r.taskId, [...(byTask.get(r.taskId) ?? []), r.id]);
    return { upTo, byTask };
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
   * With `seen` (undeliveredSubmits read before the transaction) it reads only those ids and the
   * rows queued since, instead of scanning the whole queue under the write lock.
   */
  withdrawTaskSubmits(taskId: string, at: string = nowIso(), seen?: SubmitSnapshot): number[] {
    const t = this.tables.offlineQueue;
    if (!t.exists) return [];
    const known = [...(seen?.byTask.get(taskId) ?? [])];
    const still = known.length
      ? this.db
          .select({ id: t.table.id })
          .from(t.table)
          .where(and(inArray(t.table.id, known), eq(t.table.delivered, false)))
          .all()
          .map((r) => r.id)
      : [];
    const ids = [...still, ...this.findUndeliveredSubmits(taskId, seen?.upTo ?? 0).map((r) => r.id)].sort((a, b) => a - b);
    for (const id of ids) this.markDelivered(id, at);
    return ids;
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
    return this.db
      .delete(t.table)
      .where(and(eq(t.table.delivered, false), lte(t.table.expiresAt, nowIso())))
      .run().changes;
  }
}
