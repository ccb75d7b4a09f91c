DROP INDEX `idx_scheduled_tasks_next_execution`;--> statement-breakpoint
DROP INDEX `idx_scheduled_tasks_status_enabled`;--> statement-breakpoint
DROP INDEX `idx_scheduled_tasks_project`;--> statement-breakpoint
DROP INDEX `idx_scheduled_tasks_user`;--> statement-breakpoint
CREATE INDEX `scheduled_tasks_next_execution_idx` ON `scheduled_tasks` (`next_execution_at`);--> statement-breakpoint
CREATE INDEX `scheduled_tasks_status_enabled_idx` ON `scheduled_tasks` (`status`,`enabled`);--> statement-breakpoint
CREATE INDEX `scheduled_tasks_project_id_idx` ON `scheduled_tasks` (`project_id`);--> statement-breakpoint
CREATE INDEX `scheduled_tasks_user_id_idx` ON `scheduled_tasks` (`user_id`);