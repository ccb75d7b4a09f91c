import { describe, it, expect } from 'vitest';
import { UserRepository } from '../../../db/repositories/users.js';
import { NotFoundError, ValidationError } from '../../../db/errors.js';
import { freshDatabase } from '../../helpers/temp-db.js';
import { seedUser } from './seed.js';

describe('UserRepository: create and find', () => {
  it('creates a user_ id with role developer written explicitly, active', () => {
    const { db, sqlite } = freshDatabase();
    const u = new UserRepository(db).create({ slackUserId: 'U1', slackUsername: 'ada' });
    expect(u.id).toMatch(/^user_[A-Za-z0-9_-]{21}$/);
    expect(u).toMatchObject({ role: 'developer', active: true, rateLimitOverride: null });
    expect(sqlite.prepare('SELECT role, active FROM users WHERE id = ?').get(u.id)).toEqual({ role: 'developer', active: 1 });
  });

  it('refuses a role outside admin/developer/viewer', () => {
    const { db } = freshDatabase();
    expect(() => new UserRepository(db).create({ slackUserId: 'U1', slackUsername: 'x', role: 'owner' })).toThrow(ValidationError);
  });

  it('finds by id and Slack id, and lists all by name', () => {
    const { db } = freshDatabase();
    const repo = new UserRepository(db);
    const b = seedUser(db, { slackUsername: 'bob' });
    const a = seedUser(db, { slackUsername: 'ann' });
    expect(repo.findById(a.id)).toEqual(a);
    expect(repo.findById('user_none')).toBeUndefined();
    expect(repo.findBySlackUserId(b.slackUserId)?.id).toBe(b.id);
    expect(repo.findBySlackUserId('U_NONE')).toBeUndefined();
    expect(repo.findAll().map((u) => u.slackUsername)).toEqual(['ann', 'bob']);
  });
});

describe('UserRepository: changes', () => {
  it('upsert inserts a new Slack user, then only renames it (the role stays)', () => {
    const { db } = freshDatabase();
    const repo = new UserRepository(db);
    const first = repo.upsert({ slackUserId: 'U9', slackUsername: 'old', role: 'admin' });
    const second = repo.upsert({ slackUserId: 'U9', slackUsername: 'new', role: 'viewer' });
    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({ slackUsername: 'new', role: 'admin' });
    expect(repo.findAll()).toHaveLength(1);
  });

  it('updateRole accepts the three roles only; unknown ids are NotFoundError', () => {
    const { db } = freshDatabase();
    const repo = new UserRepository(db);
    const u = seedUser(db);
    expect(repo.updateRole(u.id, 'viewer').role).toBe('viewer');
    expect(() => repo.updateRole(u.id, 'root')).toThrow(/role must be one of admin, developer, viewer/);
    expect(repo.findById(u.id)?.role).toBe('viewer');
    expect(() => repo.updateRole('user_none', 'admin')).toThrow(NotFoundError);
  });

  it('setActive flips active; unknown ids are NotFoundError', () => {
    const { db } = freshDatabase();
    const repo = new UserRepository(db);
    const u = seedUser(db);
    expect(repo.setActive(u.id, false).active).toBe(false);
    expect(repo.setActive(u.id, true).active).toBe(true);
    expect(() => repo.setActive('user_none', false)).toThrow(NotFoundError);
  });

  it('counts active admins only', () => {
    const { db } = freshDatabase();
    seedUser(db, { role: 'admin' });
    seedUser(db, { role: 'admin', active: false });
    seedUser(db, { role: 'developer' });
    expect(new UserRepository(db).countActiveAdmins()).toBe(1);
  });
});

describe('UserRepository: project permissions', () => {
  it('reads the JSON string arrays, keeping malformed ones raw', () => {
    const { db, sqlite } = freshDatabase();
    const u = seedUser(db);
    const ins = sqlite.prepare('INSERT INTO user_project_permissions (user_id, project_id, permissions, created_at) VALUES (?, ?, ?, ?)');
    ins.run(u.id, 'proj_b', '["task:create","task:cancel"]', new Date().toISOString());
    ins.run(u.id, 'proj_a', '[oops', new Date().toISOString());
    const perms = new UserRepository(db).findPermissions(u.id);
    expect(perms.map((p) => p.projectId)).toEqual(['proj_a', 'proj_b']);
    expect(perms[0]!.parsedPermissions).toEqual({ ok: false, raw: '[oops' });
    expect(perms[1]!.parsedPermissions).toEqual({ ok: true, value: ['task:create', 'task:cancel'] });
    expect(new UserRepository(db).findPermissions('user_none')).toEqual([]);
  });
});
