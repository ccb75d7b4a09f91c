import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import { users } from './users.js';

export const userProjectPermissionColumns = () => ({
  id: integer('id').primaryKey({ autoIncrement: true }),
  userId: text('user_id')
    .notNull()
    .references(() => users.id),
  projectId: text('project_id').notNull(),
  permissions: text('permissions').notNull().default('[]'),
  createdAt: text('created_at').notNull(),
});

export const userProjectPermissions = sqliteTable('user_project_permissions', userProjectPermissionColumns());
