import { describe, it, expect } from 'vitest';
import { createRepositories } from '../../../db/repositories/index.js';
import { BaseRepository } from '../../../db/repositories/base.js';
import { freshDatabase } from '../../helpers/temp-db.js';

describe('createRepositories', () => {
  it('gives all ten repositories of the spec on one database', () => {
    const { db } = freshDatabase();
    const repos = createRepositories(db);
    expect(Object.keys(repos).sort()).toEqual(['apiKeys', 'auditLogs', 'netsuiteConfigs', 'offlineQueue', 'projects', 'promptHistory', 'scheduledTasks', 'sessions', 'tasks', 'users']);
    for (const r of Object.values(repos)) expect(r).toBeInstanceOf(BaseRepository);
    const p = repos.projects.create({ name: 'x', slackChannelId: 'C1', localPath: '/x', agentId: 'a' });
    expect(repos.projects.findAll().map((r) => r.id)).toEqual([p.id]);
  });
});
