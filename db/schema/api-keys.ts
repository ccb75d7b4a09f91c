import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

// Times here are INTEGER Unix seconds, unlike every other table (COMPAT.md).
export const apiKeyColumns = () => ({
  id: text('id').primaryKey(),
  key: text('key').notNull().unique(),
  agentId: text('agent_id').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp' }),
  lastUsedAt: integer('last_used_at', { mode: 'timestamp' }),
  revoked: integer('revoked', { mode: 'boolean' }).notNull().default(false),
});

export const apiKeys = sqliteTable('api_keys', apiKeyColumns());
