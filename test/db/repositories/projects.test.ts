import { describe, it, expect } from 'vitest';
import { ProjectRepository } from '../../../db/repositories/projects.js';
import { ConflictError, NotFoundError } from '../../../db/errors.js';
import { freshDatabase } from '../../helpers/temp-db.js';
import { seedProject, seedTask } from './seed.js';

describe('ProjectRepository', () => {
  it('creates with a proj_ id, ISO times and the defaults written explicitly', () => {
    const { db, sqlite } = freshDatabase();
    const p = new ProjectRepository(db).create({ name: 'api', slackChannelId: 'C1', localPath: '/srv/api', agentId: 'auto' });
    expect(p.id).toMatch(/^proj_[A-Za-z0-9_-]{21}$/);
    expect(p.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(p.updatedAt).toBe(p.createdAt);
    const raw = sqlite.prepare('SELECT default_model, default_max_budget, auto_commit_push, active FROM projects WHERE id = ?').get(p.id);
    expect(raw).toEqual({ default_model: 'claude-sonnet-4-5-20250929', default_max_budget: 5, auto_commit_push: 0, active: 1 });
    expect(p).toMatchObject({ defaultModel: 'claude-sonnet-4-5-20250929', defaultMaxBudget: 5, autoCommitPush: false, active: true, isNetsuite: false });
  });

  it('a second project on the same Slack channel is a ConflictError, not a raw SqliteError; nothing is written', () => {
    const { db, sqlite } = freshDatabase();
    const repo = new ProjectRepository(db);
    const a = repo.create({ name: 'api', slackChannelId: 'C1', localPath: '/srv/api', agentId: 'auto' });
    expect(() => repo.create({ name: 'web', slackChannelId: 'C1', localPath: '/srv/web', agentId: 'auto' })).toThrow(ConflictError);
    expect(() => repo.create({ name: 'web', slackChannelId: 'C1', localPath: '/srv/web', agentId: 'auto' })).toThrow(/slack_channel_id/);
    const b = repo.create({ name: 'web', slackChannelId: 'C2', localPath: '/srv/web', agentId: 'auto' });
    expect(() => repo.update(b.id, { slackChannelId: 'C1' })).toThrow(ConflictError);
    expect(() => repo.create({ id: a.id, name: 'x', slackChannelId: 'C3', localPath: '/', agentId: 'auto' })).toThrow(ConflictError);
    expect(sqlite.prepare('SELECT slack_channel_id FROM projects ORDER BY 1').pluck().all()).toEqual(['C1', 'C2']);
  });

  it('create stores a given id and ISO times (the service passes its own id); other time forms and unknown fields are refused', () => {
    const { db } = freshDatabase();
    const repo = new ProjectRepository(db);
    const p = repo.create({ id: 'proj_given', name: 'api', slackChannelId: 'C1', localPath: '/srv/api', agentId: 'auto', createdAt: '2025-05-05T05:05:05.005Z' });
    expect(p).toMatchObject({ id: 'proj_given', createdAt: '2025-05-05T05:05:05.005Z' });
    expect(() => repo.create({ name: 'b', slackChannelId: 'C2', localPath: '/', agentId: 'auto', createdAt: '2025-05-05' })).toThrow(/ISO-8601/);
    // @ts-expect-error the service's column is isNetsuite here; a misspelt field is refused, not dropped
    expect(() => repo.create({ name: 'b', slackChannelId: 'C2', localPath: '/', agentId: 'auto', isNetSuite: true })).toThrow(/no field "isNetSuite"/);
    // @ts-expect-error not a column
    expect(() => repo.update(p.id, { nickname: 'x' })).toThrow(/no field "nickname"/);
  });

  it('finds by id, channel and agent, and lists all by name', () => {
    const { db } = freshDatabase();
    const repo = new ProjectRepository(db);
    const b = seedProject(db, { name: 'b', agentId: 'agent-x' });
    const a = seedProject(db, { name: 'a', agentId: 'agent-x' });
    seedProject(db, { name: 'c', agentId: 'agent-y' });
    expect(repo.findById(a.id)).toEqual(a);
    expect(repo.findById('proj_missing')).toBeUndefined();
    expect(repo.findByChannelId(b.slackChannelId)?.id).toBe(b.id);
    expect(repo.findByChannelId('C_NONE')).toBeUndefined();
    expect(repo.findByAgentId('agent-x').map((p) => p.name)).toEqual(['a', 'b']);
    expect(repo.findAll().map((p) => p.name)).toEqual(['a', 'b', 'c']);
  });

  it('updates the given fields and updated_at; unknown ids are NotFoundError', () => {
    const { db } = freshDatabase();
    const repo = new ProjectRepository(db);
    const p = seedProject(db);
    const u = repo.update(p.id, { defaultMaxBudget: 12.5, autoCommitPush: true });
    expect(u).toMatchObject({ defaultMaxBudget: 12.5, autoCommitPush: true, name: p.name, createdAt: p.createdAt });
    expect(u.updatedAt >= p.updatedAt).toBe(true);
    expect(repo.findById(p.id)).toEqual(u);
    expect(() => repo.update('proj_missing', { name: 'x' })).toThrow(NotFoundError);
  });

  it('deletes a project without tasks; unknown ids are NotFoundError', () => {
    const { db } = freshDatabase();
    const repo = new ProjectRepository(db);
    const p = seedProject(db);
    repo.delete(p.id);
    expect(repo.findById(p.id)).toBeUndefined();
    expect(() => repo.delete(p.id)).toThrow(NotFoundError);
  });

  it('refuses to delete a project with tasks, saying how many', () => {
    const { db } = freshDatabase();
    const repo = new ProjectRepository(db);
    const p = seedProject(db);
    seedTask(db, p.id);
    seedTask(db, p.id);
    expect(() => repo.delete(p.id)).toThrow(ConflictError);
    expect(() => repo.delete(p.id)).toThrow(`project ${p.id} has 2 tasks`);
    expect(repo.findById(p.id)).toBeDefined();
    expect(repo.countTasks(p.id)).toBe(2);
  });

  it('turns a foreign-key refusal (a schedule still points at it) into a ConflictError', () => {
    const { db, sqlite } = freshDatabase();
    const p = seedProject(db);
    const now = new Date().toISOString();
    sqlite
      .prepare(
        `INSERT INTO scheduled_tasks (id, project_id, user_id, task_type, bot_name, command, prompt, scheduled_for, timezone, slack_channel_id, created_at, updated_at)
       VALUES ('s1', ?, 'U1', 'reminder', 'system', 'remind', 'x', ?, 'UTC', 'C1', ?, ?)`,
      )
      .run(p.id, now, now, now);
    expect(() => new ProjectRepository(db).delete(p.id)).toThrow(/still referenced by tasks or schedules/);
    expect(new ProjectRepository(db).findById(p.id)).toBeDefined();
  });
});
