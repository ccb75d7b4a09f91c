import { describe, it, expect } from 'vitest';
import { AuditLogRepository } from '../../../db/repositories/audit-logs.js';
import { parseObject } from '../../../db/json.js';
import { freshDatabase } from '../../helpers/temp-db.js';

describe('AuditLogRepository', () => {
  it('log stores the metadata object as JSON and an ISO timestamp', () => {
    const { db } = freshDatabase();
    const row = new AuditLogRepository(db).log('task:cancelled', 'task', 'task_1', 'U1', { before: { status: 'pending' } });
    expect(row).toMatchObject({ action: 'task:cancelled', resourceType: 'task', resourceId: 'task_1', userId: 'U1' });
    expect(JSON.parse(row.metadata)).toEqual({ before: { status: 'pending' } });
    expect(row.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("log without metadata, resource or user writes '{}' and NULLs", () => {
    const { db, sqlite } = freshDatabase();
    const row = new AuditLogRepository(db).log('api-key:cleanup', 'api_key');
    expect(sqlite.prepare('SELECT metadata, resource_id, user_id FROM audit_logs WHERE id = ?').get(row.id)).toEqual({
      metadata: '{}', resource_id: null, user_id: null,
    });
  });

  it('create keeps a given timestamp and metadata string', () => {
    const { db } = freshDatabase();
    const row = new AuditLogRepository(db).create({ action: 'x', resourceType: 'project', metadata: '{"a":1}', timestamp: '2026-01-01T00:00:00.000Z' });
    expect(row).toMatchObject({ metadata: '{"a":1}', timestamp: '2026-01-01T00:00:00.000Z' });
  });

  it('findRecent is newest first, 50 by default, and survives malformed metadata', () => {
    const { db, sqlite } = freshDatabase();
    const repo = new AuditLogRepository(db);
    for (let i = 0; i < 55; i++) repo.log(`a${i}`, 'task');
    sqlite.prepare("UPDATE audit_logs SET metadata = '{broken' WHERE action = 'a54'").run();
    const recent = repo.findRecent();
    expect(recent).toHaveLength(50);
    expect(recent[0]!.action).toBe('a54');
    expect(parseObject(recent[0]!.metadata)).toEqual({ ok: false, raw: '{broken' });
    expect(repo.findRecent(3).map((r) => r.action)).toEqual(['a54', 'a53', 'a52']);
  });
});
