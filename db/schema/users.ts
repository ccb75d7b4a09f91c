import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

export const userColumns = () => ({
  id: text('id').primaryKey(),
  slackUserId: text('slack_user_id').notNull().unique(),
  slackUsername: text('slack_username').notNull(),
  role: text('role').notNull().default('developer'),
  rateLimitOverride: integer('rate_limit_override'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const users = sqliteTable('users', userColumns());
