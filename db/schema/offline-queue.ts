import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

export const offlineQueueColumns = () => ({
  id: integer('id').primaryKey({ autoIncrement: true }),
  agentId: text('agent_id').notNull(),
  messageType: text('message_type').notNull(),
  payload: text('payload').notNull(),
  createdAt: text('created_at').notNull(),
  expiresAt: text('expires_at').notNull(),
  delivered: integer('delivered', { mode: 'boolean' }).notNull().default(false),
  deliveredAt: text('delivered_at'),
});

export const offlineQueue = sqliteTable('offline_queue', offlineQueueColumns());
