import type Database from 'better-sqlite3';

/** The id of the newest audit row: the entry the change just made. */
export const lastAuditId = (sqlite: Database.Database): number => sqlite.prepare('SELECT max(id) FROM audit_logs').pluck().get() as number;

export interface AuditRecord {
  id: number;
  action: string;
  user_id: string | null;
  resource_type: string;
  resource_id: string | null;
  metadata: Record<string, unknown> & { before?: Record<string, unknown>; after?: Record<string, unknown>; undoes?: number };
}

export function auditById(sqlite: Database.Database, id: number): AuditRecord {
  const row = sqlite.prepare('SELECT id, action, user_id, resource_type, resource_id, metadata FROM audit_logs WHERE id = ?').get(id) as AuditRecord & { metadata: string };
  return { ...row, metadata: JSON.parse(row.metadata) as AuditRecord['metadata'] };
}

/** An audit row written as the service writes its own (its repository's log(): no before/after). */
export function serviceAudit(sqlite: Database.Database, action: string, resourceType: string, resourceId: string | null, userId: string, metadata: object = {}): number {
  return Number(
    sqlite
      .prepare('INSERT INTO audit_logs (action, user_id, resource_type, resource_id, metadata, timestamp) VALUES (?, ?, ?, ?, ?, ?)')
      .run(action, userId, resourceType, resourceId, JSON.stringify(metadata), new Date().toISOString()).lastInsertRowid,
  );
}
