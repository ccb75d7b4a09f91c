import { desc } from 'drizzle-orm';
import { BaseRepository } from './base.js';
import { nowIso } from '../time.js';
import { toJson } from '../json.js';
import type { AuditLogInsert, AuditLogRow } from '../types.js';
import { selectMany, insertRow } from './queries.js';
import { givenIso } from './fields.js';

/** The service's AuditLogInsert: `id` and `timestamp` (ISO) may be given, as when importing rows. */
export type NewAuditLog = Omit<AuditLogInsert, 'id' | 'timestamp'> & { id?: number; timestamp?: string };

export class AuditLogRepository extends BaseRepository {
  create(data: NewAuditLog): AuditLogRow {
    const values: AuditLogInsert = { ...data, metadata: data.metadata ?? '{}', timestamp: givenIso(data.timestamp, 'timestamp') ?? nowIso() };
    return insertRow(this.db, this.tables.auditLogs, values);
  }

  /** The service's signature; metadata is an object, stored as JSON ('{}' when absent). */
  log(action: string, resourceType: string, resourceId?: string | null, userId?: string | null, metadata?: Record<string, unknown>): AuditLogRow {
    return this.create({
      action,
      resourceType,
      resourceId: resourceId ?? null,
      userId: userId ?? null,
      metadata: metadata ? toJson(metadata) : '{}',
    });
  }

  /**
   * Newest first by time, as the service orders them (by the timestamp text; rows another writer
   * inserted late with an older time sort by that time), then by id where timestamps tie within a
   * millisecond. 100 unless given, as in the service.
   */
  findRecent(limit = 100): AuditLogRow[] {
    const t = this.tables.auditLogs;
    return selectMany(this.db, t, undefined, { orderBy: [desc(t.table.timestamp), desc(t.table.id)], limit });
  }
}
