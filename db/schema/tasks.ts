import { sqliteTable, text, integer, real, index, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { projects } from './projects.js';

export const taskColumns = () => ({
  id: text('id').primaryKey(),
  projectId: text('project_id')
    .notNull()
    .references(() => projects.id),
  botName: text('bot_name').notNull(),
  command: text('command').notNull(),
  prompt: text('prompt').notNull(),
  status: text('status').notNull().default('pending'),
  result: text('result'),
  errorMessage: text('error_message'),
  slackChannelId: text('slack_channel_id').notNull(),
  slackThreadTs: text('slack_thread_ts'),
  slackUserId: text('slack_user_id').notNull(),
  slackMessageTs: text('slack_message_ts'),
  sessionId: text('session_id'),
  // Subtasks (spec 10, entity relationships); added late by the service.
  parentTaskId: text('parent_task_id').references((): AnySQLiteColumn => tasks.id),
  inputTokens: integer('input_tokens').notNull().default(0),
  outputTokens: integer('output_tokens').notNull().default(0),
  estimatedCost: real('estimated_cost').notNull().default(0),
  maxBudget: real('max_budget').notNull().default(5.0),
  filesChanged: text('files_changed').notNull().default('[]'),
  commandsRun: text('commands_run').notNull().default('[]'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  completedAt: text('completed_at'),
});

// Production databases have none of these (COMPAT.md); `migrate` adds them.
export const tasks = sqliteTable('tasks', taskColumns(), (t) => [
  index('idx_tasks_created').on(t.createdAt, t.id),
  index('idx_tasks_status_created').on(t.status, t.createdAt, t.id),
  index('idx_tasks_project_created').on(t.projectId, t.createdAt, t.id),
  index('idx_tasks_parent').on(t.parentTaskId),
  // Covering: the dashboard's tokens and cost since a time read the index alone, not every task row.
  index('idx_tasks_usage').on(t.createdAt, t.inputTokens, t.outputTokens, t.estimatedCost),
]);
