import { and, asc, eq, gt, lte } from 'drizzle-orm';
import { BaseRepository } from './base.js';
import { withDefaults, assertWritable } from '../tables.js';
import { nowIso } from '../time.js';
import type { OfflineQueueInsert, OfflineQueueRow } from '../types.js';
import { found } from './rows.js';

export type NewOfflineMessage = Omit<OfflineQueueInsert, 'id' | 'createdAt' | 'delivered' | 'deliveredAt'> & { createdAt?: string };

export class OfflineQueueRepository extends BaseRepository {
  enqueue(data: NewOfflineMessage): OfflineQueueRow {
    const t = this.tables.offlineQueue;
    const values: OfflineQueueInsert = { ...data, createdAt: data.createdAt ?? nowIso(), delivered: false };
    assertWritable(t, values);
    return withDefaults(t, this.db.insert(t.table).values(values).returning().get());
  }

  /** Undelivered and not yet expired, in the order they were queued. */
  findPendingByAgentId(agentId: string): OfflineQueueRow[] {
    const t = this.tables.offlineQueue;
    if (!t.exists) return [];
    const rows = this.db.select().from(t.table)
      .where(and(eq(t.table.agentId, agentId), eq(t.table.delivered, false), gt(t.table.expiresAt, nowIso())))
      .orderBy(asc(t.table.createdAt), asc(t.table.id)).all();
    return rows.map((r) => withDefaults(t, r));
  }

  markDelivered(id: number): OfflineQueueRow {
    const t = this.tables.offlineQueue;
    const set = { delivered: true, deliveredAt: nowIso() };
    assertWritable(t, set);
    const row = this.db.update(t.table).set(set).where(eq(t.table.id, id)).returning().get();
    return withDefaults(t, found(row, 'offline message', id));
  }

  /** Deletes messages whose expiry has passed; returns how many went. */
  cleanExpired(): number {
    const t = this.tables.offlineQueue;
    if (!t.exists) return 0;
    return this.db.delete(t.table).where(lte(t.table.expiresAt, nowIso())).run().changes;
  }
}
