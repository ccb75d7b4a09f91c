import { relations } from 'drizzle-orm';
import { projects } from './projects.js';
import { tasks } from './tasks.js';
import { sessions } from './sessions.js';
import { users } from './users.js';
import { userProjectPermissions } from './user-project-permissions.js';
import { scheduledTasks } from './scheduled-tasks.js';
import { netsuiteConfigs } from './netsuite-configs.js';

export const projectRelations = relations(projects, ({ many, one }) => ({
  tasks: many(tasks),
  scheduledTasks: many(scheduledTasks),
  netsuiteConfig: one(netsuiteConfigs),
}));

export const taskRelations = relations(tasks, ({ one, many }) => ({
  project: one(projects, { fields: [tasks.projectId], references: [projects.id] }),
  parent: one(tasks, { fields: [tasks.parentTaskId], references: [tasks.id], relationName: 'subtasks' }),
  subtasks: many(tasks, { relationName: 'subtasks' }),
  sessions: many(sessions),
}));

export const sessionRelations = relations(sessions, ({ one }) => ({
  task: one(tasks, { fields: [sessions.taskId], references: [tasks.id] }),
}));

export const userRelations = relations(users, ({ many }) => ({
  projectPermissions: many(userProjectPermissions),
}));

export const userProjectPermissionRelations = relations(userProjectPermissions, ({ one }) => ({
  user: one(users, { fields: [userProjectPermissions.userId], references: [users.id] }),
}));

export const scheduledTaskRelations = relations(scheduledTasks, ({ one }) => ({
  project: one(projects, { fields: [scheduledTasks.projectId], references: [projects.id] }),
}));

export const netsuiteConfigRelations = relations(netsuiteConfigs, ({ one }) => ({
  project: one(projects, { fields: [netsuiteConfigs.projectId], references: [projects.id] }),
}));
