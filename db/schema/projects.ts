import { sqliteTable, text, integer, real } from 'drizzle-orm/sqlite-core';

/** Column builders, a fresh set each call: the connection builds per-file table objects from them. */
export const projectColumns = () => ({
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  slackChannelId: text('slack_channel_id').notNull().unique(),
  localPath: text('local_path').notNull(),
  agentId: text('agent_id').notNull(),
  defaultModel: text('default_model').notNull().default('claude-sonnet-4-5-20250929'),
  defaultMaxBudget: real('default_max_budget').notNull().default(5.0),
  autoCommitPush: integer('auto_commit_push', { mode: 'boolean' }).notNull().default(false),
  // Added by the running service (COMPAT.md), not in the spec.
  railwayProjectId: text('railway_project_id'),
  railwayServiceId: text('railway_service_id'),
  railwayEnvironmentId: text('railway_environment_id'),
  isNetsuite: integer('is_netsuite', { mode: 'boolean' }).notNull().default(false),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const projects = sqliteTable('projects', projectColumns());
