import type { DB } from '../../../db/connection.js';
import { ProjectRepository, type NewProject } from '../../../db/repositories/projects.js';
import { TaskRepository, type NewTask } from '../../../db/repositories/tasks.js';
import { UserRepository, type NewUser } from '../../../db/repositories/users.js';
import type { ProjectRow, TaskRow, UserRow } from '../../../db/types.js';

let n = 0;
const next = (): number => ++n;

export function seedProject(db: DB, over: Partial<NewProject> = {}): ProjectRow {
  const i = next();
  return new ProjectRepository(db).create({
    name: `project ${i}`,
    slackChannelId: `C${String(i).padStart(6, '0')}`,
    localPath: `/srv/project-${i}`,
    agentId: 'agent-1',
    ...over,
  });
}

export function seedTask(db: DB, projectId: string, over: Partial<NewTask> = {}): TaskRow {
  return new TaskRepository(db).create({
    projectId,
    botName: 'coder',
    command: 'fix',
    prompt: `fix bug ${next()}`,
    slackChannelId: 'C000001',
    slackUserId: 'U_DEV',
    ...over,
  });
}

export function seedUser(db: DB, over: Partial<NewUser> = {}): UserRow {
  const i = next();
  return new UserRepository(db).create({ slackUserId: `U${i}`, slackUsername: `user${i}`, ...over });
}
