import { describe, it, expect } from 'vitest';
import { AuditLogRepository } from '../../../db/repositories/audit-logs.js';
import { parseObject } from '../../../db/json.js';
import { ValidationError } from '../../../db/errors.js';
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
      metadata: '{}',
      resource_id: null,
      user_id: null,
    });
  });

  it('create keeps a given timestamp and metadata string', () => {
    const { db } = freshDatabase();
    const row = new AuditLogRepository(db).create({ action: 'x', resourceType: 'project', metadata: '{"a":1}', timestamp: '2026-01-01T00:00:00.000Z' });
    expect(row).toMatchObject({ metadata: '{"a":1}', timestamp: '2026-01-01T00:00:00.000Z' });
  });

  it('findRecent is newest first, 100 by default (as the service), and survives malformed metadata', () => {
    const { db, sqlite } = freshDatabase();
    const repo = new AuditLogRepository(db);
    for (let i = 0; i < 105; i++) repo.log(`a${i}`, 'task');
    sqlite.prepare("UPDATE audit_logs SET metadata = '{broken' WHERE action = 'a104'").run();
    const recent = repo.findRecent();
    expect(recent).toHaveLength(100);
    expect(recent[0]!.action).toBe('a104');
    expect(parseObject(recent[0]!.metadata)).toEqual({ ok: false, raw: '{broken' });
    expect(repo.findRecent(3).map((r) => r.action)).toEqual(['a104', 'a103', 'a102']);
  });

  it('findRecent orders by time, not by id: a row written late with an earlier time comes after newer ones', () => {
    const { db } = freshDatabase();
    const repo = new AuditLogRepository(db);
    repo.create({ action: 'noon', resourceType: 'task', timestamp: '2026-03-01T12:00:00.000Z' });
    repo.create({ action: 'evening', resourceType: 'task', timestamp: '2026-03-01T20:00:00.000Z' });
    repo.create({ action: 'morning, imported last', resourceType: 'task', timestamp: '2026-03-01T08:00:00.000Z' });
    repo.create({ action: 'evening too', resourceType: 'task', timestamp: '2026-03-01T20:00:00.000Z' });
    expect(repo.findRecent(4).map((r) => r.action)).toEqual(['evening too', 'evening', 'noon', 'morning, imported last']);
  });

  it('create refuses a timestamp in another form than toISOString and a field audit_logs lacks', () => {
    const { db } = freshDatabase();
    const repo = new AuditLogRepository(db);
    expect(() => repo.create({ action: 'x', resourceType: 't', timestamp: '2026-03-01 12:00:00' })).toThrow(ValidationError);
    // @ts-expect-error not a column of audit_logs
    expect(() => repo.create({ action: 'x', resourceType: 't', details: 'y' })).toThrow(/no field "details"/);
  });
});
