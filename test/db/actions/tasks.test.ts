import { describe, it, expect } from 'vitest';
import { cancelTask } from '../../../db/actions/tasks.js';
import { ConflictError, DatabaseOpenError, NotFoundError, PermissionError } from '../../../db/errors.js';
import { openDatabase } from '../../../db/connection.js';
import { freshDatabase } from '../../helpers/temp-db.js';
import { seedProject, seedTask, seedUser } from '../repositories/seed.js';
import { auditRows, changes, operator, service, snapshot } from './harness.js';

function withTasks() {
  const conn = freshDatabase();
  const p = seedProject(conn.db);
  const pending = seedTask(conn.db, p.id, { status: 'pending', slackUserId: 'U_DEV' });
  const other = seedTask(conn.db, p.id, { status: 'queued', slackUserId: 'U_OTHER' });
  return { conn, pending, other };
}

describe('cancelling a task', () => {
  it('sets cancelled, keeps completed_at NULL, queues task:cancel for the agent, writes one task:cancelled row and touches nothing else', () => {
    const { conn, pending } = withTasks();
    const before = snapshot(conn.sqlite);
    const { task: row, cancelMessage } = cancelTask(conn.db, operator({ id: 'U_ADMIN' }), pending.id);
    expect(row).toMatchObject({ id: pending.id, status: 'cancelled', completedAt: null });
    expect(row.updatedAt >= pending.updatedAt).toBe(true);
    expect(changes(before, snapshot(conn.sqlite))).toEqual({ tasks: 1, audit_logs: 1, offline_queue: 1 });
    const queued = conn.sqlite.prepare('SELECT message_type, payload FROM offline_queue WHERE id = ?').get(cancelMessage) as { message_type: string; payload: string };
    expect(queued.message_type).toBe('task:cancel');
    expect(JSON.parse(queued.payload).payload).toEqual({ taskId: pending.id, reason: 'Cancelled by U_ADMIN from bematic-console' });
    const [a] = auditRows(conn.sqlite);
    expect(a).toMatchObject({ action: 'task:cancelled', user_id: 'U_ADMIN', resource_type: 'task', resource_id: pending.id });
    expect(JSON.parse(a!.metadata)).toMatchObject({ reason: 'Cancelled by U_ADMIN from bematic-console', before: { status: 'pending' }, after: { status: 'cancelled' } });
  });

  it('cancels a queued task too', () => {
    const { conn, other } = withTasks();
    expect(cancelTask(conn.db, operator(), other.id).task.status).toBe('cancelled');
  });

  it('cancels a running task too, as the service does: its agent is told through the queue', () => {
    const { conn, pending } = withTasks();
    conn.sqlite.prepare("UPDATE tasks SET status = 'running' WHERE id = ?").run(pending.id);
    const c = cancelTask(conn.db, operator(), pending.id, { reason: 'runaway' });
    expect(c).toMatchObject({ before: 'running', reason: 'runaway', task: { status: 'cancelled', completedAt: null } });
    expect(conn.sqlite.prepare("SELECT count(*) FROM offline_queue WHERE message_type = 'task:cancel' AND delivered = 0").pluck().get()).toBe(1);
  });

  it('leaves everything as it was when the task:cancel message cannot be queued (one transaction)', () => {
    const { conn, pending } = withTasks();
    conn.sqlite.exec("CREATE TRIGGER queue_refuses BEFORE INSERT ON offline_queue BEGIN SELECT RAISE(ABORT, 'queue down'); END");
    const before = snapshot(conn.sqlite);
    expect(() => cancelTask(conn.db, operator(), pending.id)).toThrow(/queue down/);
    expect(changes(before, snapshot(conn.sqlite))).toEqual({});
  });

  it('is a conflict when the service finished the task after the operator saw it pending', () => {
    const { conn, pending } = withTasks();
    service(conn).prepare("UPDATE tasks SET status = 'completed', completed_at = ? WHERE id = ?").run(new Date().toISOString(), pending.id);
    const before = snapshot(conn.sqlite);
    expect(() => cancelTask(conn.db, operator(), pending.id)).toThrow(ConflictError);
    expect(() => cancelTask(conn.db, operator(), pending.id)).toThrow(/already completed; nothing was changed/);
    expect(changes(before, snapshot(conn.sqlite))).toEqual({});
  });

  it('leaves the task untouched when its audit row cannot be written (one transaction)', () => {
    const { conn, pending } = withTasks();
    conn.sqlite.exec("CREATE TRIGGER audit_refuses BEFORE INSERT ON audit_logs BEGIN SELECT RAISE(ABORT, 'audit down'); END");
    const before = snapshot(conn.sqlite);
    expect(() => cancelTask(conn.db, operator(), pending.id)).toThrow(/audit down/);
    expect(changes(before, snapshot(conn.sqlite))).toEqual({});
  });

  it('says the database is locked, in one sentence, when the service holds the write lock', () => {
    const { conn, pending } = withTasks();
    conn.sqlite.pragma('busy_timeout = 50'); // the real 5 s wait would only slow the test
    const svc = service(conn);
    svc.exec('BEGIN IMMEDIATE');
    try {
      expect(() => cancelTask(conn.db, operator(), pending.id)).toThrow(DatabaseOpenError);
      expect(() => cancelTask(conn.db, operator(), pending.id)).toThrow(/locked by another process/);
    } finally {
      svc.exec('ROLLBACK');
    }
    expect(conn.sqlite.prepare('SELECT status FROM tasks WHERE id = ?').pluck().get(pending.id)).toBe('pending');
    expect(auditRows(conn.sqlite)).toEqual([]);
  });

  it('is NotFoundError for an unknown task', () => {
    const { conn } = withTasks();
    expect(() => cancelTask(conn.db, operator(), 'task_none')).toThrow(NotFoundError);
    expect(auditRows(conn.sqlite)).toEqual([]);
  });
});

describe('who may cancel', () => {
  it.each([
    ['a viewer', operator({ role: 'viewer' }), /viewer/],
    ['an inactive operator', operator({ active: false }), /inactive/],
    ['a read-only console', operator({ readOnly: true }), /read-only/],
  ])('refuses %s and changes nothing', (_who, op, why) => {
    const { conn, pending } = withTasks();
    const before = snapshot(conn.sqlite);
    expect(() => cancelTask(conn.db, op, pending.id)).toThrow(PermissionError);
    expect(() => cancelTask(conn.db, op, pending.id)).toThrow(why);
    expect(changes(before, snapshot(conn.sqlite))).toEqual({});
  });

  it('lets a developer cancel their own task but not another one', () => {
    const { conn, pending, other } = withTasks();
    seedUser(conn.db, { slackUserId: 'U_DEV', role: 'developer' });
    const dev = operator({ id: 'U_DEV', role: 'developer', known: true });
    expect(() => cancelTask(conn.db, dev, other.id)).toThrow(/only their own tasks/);
    expect(cancelTask(conn.db, dev, pending.id).task.status).toBe('cancelled');
    expect(auditRows(conn.sqlite).map((a) => a.user_id)).toEqual(['U_DEV']);
  });

  it('refuses an operator deactivated after the console started', () => {
    const { conn, pending } = withTasks();
    const u = seedUser(conn.db, { slackUserId: 'U_BOSS', role: 'admin' });
    const op = operator({ id: 'U_BOSS', known: true });
    service(conn).prepare('UPDATE users SET active = 0 WHERE id = ?').run(u.id);
    expect(() => cancelTask(conn.db, op, pending.id)).toThrow(/inactive/);
    expect(conn.sqlite.prepare('SELECT status FROM tasks WHERE id = ?').pluck().get(pending.id)).toBe('pending');
  });

  it('on a file opened read-only says so in one sentence', () => {
    const { conn, pending } = withTasks();
    const ro = openDatabase({ path: conn.path, readOnly: true });
    try {
      expect(() => cancelTask(ro.db, operator(), pending.id)).toThrow(/read-only.*nothing was changed/);
    } finally {
      ro.close();
    }
  });
});
