import { describe, it, expect } from 'vitest';
import type Database from 'better-sqlite3';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedTask, seedUser, minutesAgo } from '../helpers/seed.js';
import { serviceFile } from '../fixtures/service-file.js';
import { SERVICE_AGES } from '../fixtures/service-ddl.js';
import { openDatabase } from '../../db/connection.js';
import { userListSource, userPageExtras, userDetail, userDetailCounts, isLastActiveAdmin } from '../../db/views/users.js';
import { apiKeyListSource } from '../../db/views/api-keys.js';
import { auditListSource, auditEntry, formatMetadata } from '../../db/views/audit.js';
import type { ListSource } from '../../db/views/keyset.js';

const first = <T>(s: ListSource<T>, n = 50): T[] => s.page({ kind: 'first' }, n);
const userId = (sqlite: Database.Database, slack: string): string => (sqlite.prepare('SELECT id FROM users WHERE slack_user_id = ?').get(slack) as { id: string }).id;

function insertKey(sqlite: Database.Database, id: string, o: { agent?: string; created: number; expires?: number | null; revoked?: boolean; lastUsed?: number | null }): string {
  const key = `bm_${id.padEnd(64, 'f').slice(0, 64)}`;
  sqlite
    .prepare('INSERT INTO api_keys (id, key, agent_id, created_at, expires_at, last_used_at, revoked) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(id, key, o.agent ?? 'agent-1', o.created, o.expires ?? null, o.lastUsed ?? null, o.revoked ? 1 : 0);
  return key;
}

function insertAudit(sqlite: Database.Database, action: string, o: { user?: string; type?: string; id?: string | null; metadata?: string } = {}): void {
  sqlite
    .prepare('INSERT INTO audit_logs (action, user_id, resource_type, resource_id, metadata, timestamp) VALUES (?, ?, ?, ?, ?, ?)')
    .run(action, o.user ?? 'U1', o.type ?? 'task', o.id ?? null, o.metadata ?? '{}', minutesAgo(0));
}

describe('users view', () => {
  it('lists users by name, filters by role, active and text, and counts tasks and permissions per visible page', () => {
    const conn = freshDatabase();
    seedUser(conn.sqlite, 'U_B', 'developer');
    seedUser(conn.sqlite, 'U_A', 'admin');
    seedUser(conn.sqlite, 'U_C', 'viewer', false);
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedTask(conn.sqlite, { projectId: p, slackUserId: 'U_B', status: 'running' });
    seedTask(conn.sqlite, { projectId: p, slackUserId: 'U_B', status: 'completed' });
    seedTask(conn.sqlite, { projectId: p, slackUserId: 'U_OTHER' });
    const now = minutesAgo(0);
    const perm = conn.sqlite.prepare('INSERT INTO user_project_permissions (user_id, project_id, permissions, created_at) VALUES (?, ?, ?, ?)');
    perm.run(userId(conn.sqlite, 'U_B'), p, '["read","write"]', now);
    perm.run(userId(conn.sqlite, 'U_B'), 'proj_gone', '{oops', now);

    const all = first(userListSource(conn.db, {}));
    expect(all.map((u) => u.slackUserId)).toEqual(['U_A', 'U_B', 'U_C']);
    expect(first(userListSource(conn.db, { role: 'viewer' })).map((u) => u.slackUserId)).toEqual(['U_C']);
    expect(first(userListSource(conn.db, { active: true })).map((u) => u.slackUserId)).toEqual(['U_A', 'U_B']);
    expect(first(userListSource(conn.db, { text: 'u_b' })).map((u) => u.slackUserId)).toEqual(['U_B']);

    const extras = userPageExtras(conn.db, all);
    expect(extras.counts.get('U_B')).toEqual({ total: 2, running: 1 });
    expect(extras.counts.has('U_OTHER')).toBe(false); // only the users asked for
    expect(extras.permissions.get(userId(conn.sqlite, 'U_B'))).toEqual([
      { projectId: p, projectName: 'web', permissions: { ok: true, value: ['read', 'write'] } },
      { projectId: 'proj_gone', projectName: null, permissions: { ok: false, raw: '{oops' } },
    ]);
  });

  it('details one user with recent tasks newest first, and knows the last active admin', () => {
    const conn = freshDatabase();
    seedUser(conn.sqlite, 'U_A', 'admin');
    seedUser(conn.sqlite, 'U_X', 'admin', false);
    const p = seedProject(conn.sqlite);
    seedTask(conn.sqlite, { projectId: p, slackUserId: 'U_A', prompt: 'older', createdAt: minutesAgo(5) });
    seedTask(conn.sqlite, { projectId: p, slackUserId: 'U_A', prompt: 'newer', createdAt: minutesAgo(1) });
    const d = userDetail(conn.db, userId(conn.sqlite, 'U_A'))!;
    expect(d.recentTasks.map((t) => t.prompt)).toEqual(['newer', 'older']);
    expect(userDetailCounts(conn.db, 'U_A')).toEqual({ total: 2, running: 0 });
    expect(d.lastActiveAdmin).toBe(true);
    expect(isLastActiveAdmin(conn.db, { role: 'admin', active: false })).toBe(false);
    seedUser(conn.sqlite, 'U_B', 'admin');
    expect(userDetail(conn.db, userId(conn.sqlite, 'U_A'))!.lastActiveAdmin).toBe(false);
    expect(userDetail(conn.db, 'user_nobody')).toBeUndefined();
  });
});

describe('API keys view', () => {
  it('masks every key, derives the state, filters by agent and state, newest first', () => {
    const conn = freshDatabase();
    const now = Math.floor(Date.now() / 1000);
    const keys = [
      insertKey(conn.sqlite, 'ak_active', { created: now - 10, expires: now + 3 * 86400, lastUsed: now - 7200 }),
      insertKey(conn.sqlite, 'ak_expired', { created: now - 20, expires: now - 60, agent: 'agent-2' }),
      insertKey(conn.sqlite, 'ak_revoked', { created: now - 30, revoked: true }),
      insertKey(conn.sqlite, 'ak_forever', { created: now - 40 }),
    ];
    const rows = first(apiKeyListSource(conn.db, {}));
    expect(rows.map((r) => [r.id, r.state])).toEqual([
      ['ak_active', 'active'],
      ['ak_expired', 'expired'],
      ['ak_revoked', 'revoked'],
      ['ak_forever', 'active'],
    ]);
    const text = JSON.stringify(rows);
    for (const k of keys) expect(text).not.toContain(k);
    expect(rows[0]!.maskedKey).toMatch(/^bm_ak_a…ff$/);
    expect(rows[0]).toMatchObject({ expiresAt: now + 3 * 86400, lastUsedAt: now - 7200 });
    expect(first(apiKeyListSource(conn.db, { state: 'active' })).map((r) => r.id)).toEqual(['ak_active', 'ak_forever']);
    expect(first(apiKeyListSource(conn.db, { state: 'expired' })).map((r) => r.id)).toEqual(['ak_expired']);
    expect(first(apiKeyListSource(conn.db, { state: 'revoked' })).map((r) => r.id)).toEqual(['ak_revoked']);
    expect(first(apiKeyListSource(conn.db, { agent: 'agent-2' })).map((r) => r.id)).toEqual(['ak_expired']);
    const src = apiKeyListSource(conn.db, {});
    expect(src.page({ kind: 'after', cursor: src.cursorOf(rows[1]!) }, 2).map((r) => r.id)).toEqual(['ak_revoked', 'ak_forever']);
    expect(src.page({ kind: 'last' }, 1).map((r) => r.id)).toEqual(['ak_forever']);
  });
});

describe('audit view', () => {
  it('pages newest first by id and filters by action (or its start), user, resource type and id, and literal text', () => {
    const conn = freshDatabase();
    insertAudit(conn.sqlite, 'task:cancelled', { id: 'task_1', user: 'U_A' });
    insertAudit(conn.sqlite, 'api-key:revoked', { type: 'api_key', id: 'ak_1', metadata: '{"agentId":"100%"}' });
    insertAudit(conn.sqlite, 'api-key:cleanup', { type: 'api_key', metadata: '{"count":3}' });
    insertAudit(conn.sqlite, 'user:role-changed', { type: 'user', id: 'user_1', user: 'U_A' });
    const ids = (f: Parameters<typeof auditListSource>[1]) => first(auditListSource(conn.db, f)).map((r) => r.action);
    expect(ids({})).toEqual(['user:role-changed', 'api-key:cleanup', 'api-key:revoked', 'task:cancelled']);
    expect(ids({ action: 'api-key' })).toEqual(['api-key:cleanup', 'api-key:revoked']);
    expect(ids({ action: 'api-key:revoked' })).toEqual(['api-key:revoked']);
    expect(ids({ action: 'api_key' })).toEqual([]); // _ is literal, not a wildcard
    expect(ids({ user: 'U_A' })).toEqual(['user:role-changed', 'task:cancelled']);
    expect(ids({ resourceType: 'api_key', resourceId: 'ak_1' })).toEqual(['api-key:revoked']);
    expect(ids({ text: '100%' })).toEqual(['api-key:revoked']);
    const src = auditListSource(conn.db, {});
    const page = src.page({ kind: 'first' }, 2);
    expect(src.page({ kind: 'after', cursor: src.cursorOf(page[1]!) }, 5).map((r) => r.action)).toEqual(['api-key:revoked', 'task:cancelled']);
    expect(src.page({ kind: 'last' }, 1).map((r) => r.action)).toEqual(['task:cancelled']);
  });

  it('formats metadata as indented JSON and keeps malformed text raw', () => {
    expect(formatMetadata('{"a":1,"b":[2]}')).toEqual({ ok: true, lines: ['{', '  "a": 1,', '  "b": [', '    2', '  ]', '}'] });
    expect(formatMetadata('{broken')).toEqual({ ok: false, raw: '{broken' });
    expect(formatMetadata('')).toEqual({ ok: true, lines: ['{}'] });
    const conn = freshDatabase();
    insertAudit(conn.sqlite, 'x', { metadata: 'not json' });
    expect(auditEntry(conn.db, 1)?.metadata).toEqual({ ok: false, raw: 'not json' });
    expect(auditEntry(conn.db, 99)).toBeUndefined();
  });
});

describe('older files', () => {
  it.each(SERVICE_AGES)('reads users, API keys and the audit log of a file the service of age %i left', (age) => {
    const conn = openDatabase({ path: serviceFile(age) });
    try {
      const users = first(userListSource(conn.db, {}));
      expect(users.length).toBeGreaterThan(0);
      userPageExtras(conn.db, users);
      expect(userDetail(conn.db, users[0]!.id)?.user.id).toBe(users[0]!.id);
      const keys = first(apiKeyListSource(conn.db, { state: 'active' }));
      if (age < 4) expect(keys).toEqual([]);
      expect(first(auditListSource(conn.db, { action: 'task' })).every((r) => r.action.startsWith('task'))).toBe(true);
    } finally {
      conn.close();
    }
  });
});
