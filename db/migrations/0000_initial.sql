CREATE TABLE `projects` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`slack_channel_id` text NOT NULL,
	`local_path` text NOT NULL,
	`agent_id` text NOT NULL,
	`default_model` text DEFAULT 'claude-sonnet-4-5-20250929' NOT NULL,
	`default_max_budget` real DEFAULT 5 NOT NULL,
	`auto_commit_push` integer DEFAULT false NOT NULL,
	`railway_project_id` text,
	`railway_service_id` text,
	`railway_environment_id` text,
	`is_netsuite` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `projects_slack_channel_id_unique` ON `projects` (`slack_channel_id`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`bot_name` text NOT NULL,
	`command` text NOT NULL,
	`prompt` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`result` text,
	`error_message` text,
	`slack_channel_id` text NOT NULL,
	`slack_thread_ts` text,
	`slack_user_id` text NOT NULL,
	`slack_message_ts` text,
	`session_id` text,
	`parent_task_id` text,
	`input_tokens` integer DEFAULT 0 NOT NULL,
	`output_tokens` integer DEFAULT 0 NOT NULL,
	`estimated_cost` real DEFAULT 0 NOT NULL,
	`max_budget` real DEFAULT 5 NOT NULL,
	`files_changed` text DEFAULT '[]' NOT NULL,
	`commands_run` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`completed_at` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `idx_tasks_created` ON `tasks` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `idx_tasks_status_created` ON `tasks` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `idx_tasks_project_created` ON `tasks` (`project_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `idx_tasks_parent` ON `tasks` (`parent_task_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`task_id` text NOT NULL,
	`agent_id` text NOT NULL,
	`model` text NOT NULL,
	`input_tokens` integer DEFAULT 0 NOT NULL,
	`output_tokens` integer DEFAULT 0 NOT NULL,
	`estimated_cost` real DEFAULT 0 NOT NULL,
	`duration_ms` integer,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` text NOT NULL,
	`completed_at` text,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `idx_sessions_task` ON `sessions` (`task_id`);--> statement-breakpoint
CREATE INDEX `idx_sessions_created` ON `sessions` (`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`slack_user_id` text NOT NULL,
	`slack_username` text NOT NULL,
	`role` text DEFAULT 'developer' NOT NULL,
	`rate_limit_override` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_slack_user_id_unique` ON `users` (`slack_user_id`);--> statement-breakpoint
CREATE TABLE `user_project_permissions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`project_id` text NOT NULL,
	`permissions` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `audit_logs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action` text NOT NULL,
	`user_id` text,
	`resource_type` text NOT NULL,
	`resource_id` text,
	`metadata` text DEFAULT '{}' NOT NULL,
	`timestamp` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `idx_audit_logs_action` ON `audit_logs` (`action`);--> statement-breakpoint
CREATE INDEX `idx_audit_logs_resource` ON `audit_logs` (`resource_type`,`resource_id`);--> statement-breakpoint
CREATE TABLE `offline_queue` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agent_id` text NOT NULL,
	`message_type` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`delivered` integer DEFAULT false NOT NULL,
	`delivered_at` text
);
--> statement-breakpoint
CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`agent_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer,
	`last_used_at` integer,
	`revoked` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_key_unique` ON `api_keys` (`key`);--> statement-breakpoint
CREATE TABLE `prompt_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`prompt` text NOT NULL,
	`category` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`context` text,
	`related_files` text DEFAULT '[]' NOT NULL,
	`execution_status` text DEFAULT 'pending' NOT NULL,
	`execution_notes` text,
	`estimated_duration_minutes` integer,
	`actual_duration_minutes` integer,
	`timestamp` text NOT NULL,
	`completed_at` text
);
--> statement-breakpoint
CREATE TABLE `netsuite_configs` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`account_number` text NOT NULL,
	`production_url` text NOT NULL,
	`sandbox_url` text,
	`restlet_url` text NOT NULL,
	`consumer_key` text NOT NULL,
	`consumer_secret` text NOT NULL,
	`token_id` text NOT NULL,
	`token_secret` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `netsuite_configs_project_id_unique` ON `netsuite_configs` (`project_id`);--> statement-breakpoint
CREATE TABLE `scheduled_tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`user_id` text NOT NULL,
	`task_type` text NOT NULL,
	`bot_name` text NOT NULL,
	`command` text NOT NULL,
	`prompt` text NOT NULL,
	`scheduled_for` text NOT NULL,
	`timezone` text NOT NULL,
	`cron_expression` text,
	`is_recurring` integer DEFAULT false NOT NULL,
	`last_executed_at` text,
	`next_execution_at` text,
	`execution_count` integer DEFAULT 0 NOT NULL,
	`max_executions` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`slack_channel_id` text NOT NULL,
	`slack_thread_ts` text,
	`metadata` text DEFAULT '{}' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`last_triggered_at` text,
	`expires_at` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `idx_scheduled_tasks_next_execution` ON `scheduled_tasks` (`next_execution_at`);--> statement-breakpoint
CREATE INDEX `idx_scheduled_tasks_status_enabled` ON `scheduled_tasks` (`status`,`enabled`);--> statement-breakpoint
CREATE INDEX `idx_scheduled_tasks_project` ON `scheduled_tasks` (`project_id`);--> statement-breakpoint
CREATE INDEX `idx_scheduled_tasks_user` ON `scheduled_tasks` (`user_id`);