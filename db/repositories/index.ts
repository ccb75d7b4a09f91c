import type { DB } from '../connection.js';
import { ProjectRepository } from './projects.js';
import { TaskRepository } from './tasks.js';
import { SessionRepository } from './sessions.js';
import { UserRepository } from './users.js';
import { AuditLogRepository } from './audit-logs.js';
import { OfflineQueueRepository } from './offline-queue.js';
import { NetSuiteConfigRepository } from './netsuite-configs.js';
import { ApiKeyRepository } from './api-keys.js';
import { ScheduledTaskRepository } from './scheduled-tasks.js';
import { PromptHistoryRepository } from './prompt-history.js';

export { BaseRepository } from './base.js';
export * from './rows.js';
export * from './projects.js';
export * from './tasks.js';
export * from './sessions.js';
export * from './users.js';
export * from './audit-logs.js';
export * from './offline-queue.js';
export * from './netsuite-configs.js';
export * from './api-keys.js';
export { ScheduledTaskRepository } from './scheduled-tasks.js';
export { PromptHistoryRepository } from './prompt-history.js';

export interface Repositories {
  readonly projects: ProjectRepository;
  readonly tasks: TaskRepository;
  readonly sessions: SessionRepository;
  readonly users: UserRepository;
  readonly auditLogs: AuditLogRepository;
  readonly offlineQueue: OfflineQueueRepository;
  readonly netsuiteConfigs: NetSuiteConfigRepository;
  readonly apiKeys: ApiKeyRepository;
  readonly scheduledTasks: ScheduledTaskRepository;
  readonly promptHistory: PromptHistoryRepository;
}

/** All ten repositories of the spec on one DB. */
export function createRepositories(db: DB): Repositories {
  return {
    projects: new ProjectRepository(db),
    tasks: new TaskRepository(db),
    sessions: new SessionRepository(db),
    users: new UserRepository(db),
    auditLogs: new AuditLogRepository(db),
    offlineQueue: new OfflineQueueRepository(db),
    netsuiteConfigs: new NetSuiteConfigRepository(db),
    apiKeys: new ApiKeyRepository(db),
    scheduledTasks: new ScheduledTaskRepository(db),
    promptHistory: new PromptHistoryRepository(db),
  };
}
