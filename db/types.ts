import type * as s from './schema/index.js';

// Row types (select) and Insert types, as the spec lists them.
export type ProjectRow = typeof s.projects.$inferSelect;
export type TaskRow = typeof s.tasks.$inferSelect;
export type SessionRow = typeof s.sessions.$inferSelect;
export type UserRow = typeof s.users.$inferSelect;
export type UserProjectPermissionRow = typeof s.userProjectPermissions.$inferSelect;
export type AuditLogRow = typeof s.auditLogs.$inferSelect;
export type OfflineQueueRow = typeof s.offlineQueue.$inferSelect;
export type ApiKeyRow = typeof s.apiKeys.$inferSelect;
export type PromptHistoryRow = typeof s.promptHistory.$inferSelect;
export type ScheduledTaskRow = typeof s.scheduledTasks.$inferSelect;
export type NetSuiteConfigRow = typeof s.netsuiteConfigs.$inferSelect;

export type ProjectInsert = typeof s.projects.$inferInsert;
export type TaskInsert = typeof s.tasks.$inferInsert;
export type SessionInsert = typeof s.sessions.$inferInsert;
export type UserInsert = typeof s.users.$inferInsert;
export type UserProjectPermissionInsert = typeof s.userProjectPermissions.$inferInsert;
export type AuditLogInsert = typeof s.auditLogs.$inferInsert;
export type OfflineQueueInsert = typeof s.offlineQueue.$inferInsert;
export type ApiKeyInsert = typeof s.apiKeys.$inferInsert;
export type PromptHistoryInsert = typeof s.promptHistory.$inferInsert;
export type ScheduledTaskInsert = typeof s.scheduledTasks.$inferInsert;
export type NetSuiteConfigInsert = typeof s.netsuiteConfigs.$inferInsert;
