import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

export const auditLogColumns = () => ({
  id: integer('id').primaryKey({ autoIncrement: true }),
  action: text('action').notNull(),
  userId: text('user_id'),
  resourceType: text('resource_type').notNull(),
  resourceId: text('resource_id'),
  metadata: text('metadata').notNull().default('{}'),
  timestamp: text('timestamp').notNull(),
});

export const auditLogs = sqliteTable('audit_logs', auditLogColumns(), (t) => [index('idx_audit_logs_action').on(t.action), index('idx_audit_logs_resource').on(t.resourceType, t.resourceId)]);
