import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { projects } from './projects.js';

export const scheduledTaskColumns = () => ({
  id: text('id').primaryKey(),
  projectId: text('project_id')
    .notNull()
    .references(() => projects.id),
  userId: text('user_id').notNull(),
  taskType: text('task_type').notNull(),
  botName: text('bot_name').notNull(),
  command: text('command').notNull(),
  prompt: text('prompt').notNull(),
  scheduledFor: text('scheduled_for').notNull(),
  timezone: text('timezone').notNull(),
  cronExpression: text('cron_expression'),
  isRecurring: integer('is_recurring', { mode: 'boolean' }).notNull().default(false),
  lastExecutedAt: text('last_executed_at'),
  nextExecutionAt: text('next_execution_at'),
  executionCount: integer('execution_count').notNull().default(0),
  maxExecutions: integer('max_executions'),
  status: text('status').notNull().default('pending'),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  slackChannelId: text('slack_channel_id').notNull(),
  slackThreadTs: text('slack_thread_ts'),
  metadata: text('metadata').notNull().default('{}'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  lastTriggeredAt: text('last_triggered_at'),
  expiresAt: text('expires_at'),
});

// Index names are the service's own (its boot DDL: CREATE INDEX IF NOT EXISTS by name), so its next boot builds none twice.
export const scheduledTasks = sqliteTable('scheduled_tasks', scheduledTaskColumns(), (t) => [
  index('scheduled_tasks_next_execution_idx').on(t.nextExecutionAt),
  index('scheduled_tasks_status_enabled_idx').on(t.status, t.enabled),
  index('scheduled_tasks_project_id_idx').on(t.projectId),
  index('scheduled_tasks_user_id_idx').on(t.userId),
]);
