import { desc } from 'drizzle-orm';
import { BaseRepository } from './base.js';
import { nowIso } from '../time.js';
import { toJson } from '../json.js';
import type { AuditLogInsert, AuditLogRow } from '../types.js';
import { selectMany, insertRow } from './queries.js';

export type NewAuditLog = Omit<AuditLogInsert, 'id' | 'timestamp'> & { timestamp?: string };

export class AuditLogRepository extends BaseRepository {
  create(data: NewAuditLog): AuditLogRow {
    const values: AuditLogInsert = { ...data, metadata: data.metadata ?? '{}', timestamp: data.timestamp ?? nowIso() };
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

  /** Newest first (by id: timestamps can tie within a millisecond). */
  findRecent(limit = 50): AuditLogRow[] {
    const t = this.tables.auditLogs;
    return selectMany(this.db, t, undefined, { orderBy: [desc(t.table.id)], limit });
  }
}
