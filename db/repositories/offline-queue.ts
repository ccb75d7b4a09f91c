import { and, asc, eq, gt, lte } from 'drizzle-orm';
import { BaseRepository } from './base.js';
import { nowIso } from '../time.js';
import type { OfflineQueueInsert, OfflineQueueRow } from '../types.js';
import { selectMany, insertRow, updateOne } from './queries.js';

export type NewOfflineMessage = Omit<OfflineQueueInsert, 'id' | 'createdAt' | 'delivered' | 'deliveredAt'> & { createdAt?: string };

export class OfflineQueueRepository extends BaseRepository {
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

  markDelivered(id: number): OfflineQueueRow {
    const t = this.tables.offlineQueue;
    return updateOne(this.db, t, { delivered: true, deliveredAt: nowIso() }, eq(t.table.id, id), 'offline message', id);
  }

  /** Deletes messages whose expiry has passed; returns how many went. */
  cleanExpired(): number {
    const t = this.tables.offlineQueue;
    if (!t.exists) return 0;
    return this.db.delete(t.table).where(lte(t.table.expiresAt, nowIso())).run().changes;
  }
}
