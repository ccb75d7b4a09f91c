import { describe, it, expect } from 'vitest';
import { changeUserRole, setUserActive } from '../../../db/actions/users.js';
import { cleanupApiKeys, generateApiKey, revokeApiKey } from '../../../db/actions/api-keys.js';
import { cancelTask } from '../../../db/actions/tasks.js';
import { planUndo, undoAuditEntry } from '../../../db/actions/undo.js';
import { ApiKeyRepository, maskApiKey } from '../../../db/repositories/api-keys.js';
import { UserRepository } from '../../../db/repositories/users.js';
import { ConflictError, PermissionError, ValidationError } from '../../../db/errors.js';
import { freshDatabase } from '../../helpers/temp-db.js';
import { seedProject, seedTask, seedUser } from '../repositories/seed.js';
import { changes, operator, service, snapshot } from './harness.js';
import { auditById, lastAuditId, serviceAudit } from './undo-harness.js';

function team() {
  const conn = freshDatabase();
  const admin = seedUser(conn.db, { slackUserId: 'U_ADMIN', slackUsername: 'root', role: 'admin' });
  const dev = seedUser(conn.db, { slackUserId: 'U_DEV', slackUsername: 'dev', role: 'developer' });
  const users = new UserRepository(conn.db);
  return { conn, admin, dev, users, op: operator({ id: 'U_ADMIN', known: true }) };
}

describe('undoing a role change', () => {
  it('shows the diff, writes the before role back in one row with its own audit row naming the entry', () => {
    const { conn, dev, users, op } = team();
    changeUserRole(conn.db, op, dev.id, 'viewer');
    const entry = lastAuditId(conn.sqlite);
    const check = planUndo(conn.db, op, entry);
    expect(check).toMatchObject({ ok: true, plan: { target: 'user dev (U_DEV)', action: 'user:role-changed', changes: [{ field: 'role', from: 'viewer', to: 'developer' }] } });
    const before = snapshot(conn.sqlite);
    const result = undoAuditEntry(conn.db, op, entry);
    expect(changes(before, snapshot(conn.sqlite))).toEqual({ users: 1, audit_logs: 1 });
    expect(users.findById(dev.id)!.role).toBe('developer');
    const undo = auditById(conn.sqlite, result.audit.id);
    expect(undo).toMatchObject({ action: 'user:role-changed', user_id: 'U_ADMIN', resource_type: 'user', resource_id: dev.id });
    expect(undo.metadata).toMatchObject({ before: { role: 'viewer' }, after: { role: 'developer' }, undoes: entry, slackUserId: 'U_DEV' });
  });

  it('an undo can itself be undone; the first entry then refuses, naming the undo that changed it since', () => {
    const { conn, dev, users, op } = team();
    changeUserRole(conn.db, op, dev.id, 'viewer');
    const entry = lastAuditId(conn.sqlite);
    const undo = undoAuditEntry(conn.db, op, entry).audit.id;
    undoAuditEntry(conn.db, op, undo);
    expect(users.findById(dev.id)!.role).toBe('viewer');
    expect(auditById(conn.sqlite, lastAuditId(conn.sqlite)).metadata).toMatchObject({ undoes: undo, before: { role: 'developer' }, after: { role: 'viewer' } });
    // back to viewer: entry's after again, so it can be undone once more; its undo cannot
    expect(() => undoAuditEntry(conn.db, op, undo)).toThrow(/role is now "viewer", not "developer"; last changed in #\d+ \(user:role-changed\) by U_ADMIN/);
  });

  it('refuses after the service changed the row in between, saying what changed, and writes nothing', () => {
    const { conn, dev, users, op } = team();
    changeUserRole(conn.db, op, dev.id, 'viewer');
    const entry = lastAuditId(conn.sqlite);
    service(conn).prepare("UPDATE users SET role = 'admin', updated_at = ? WHERE id = ?").run(new Date().toISOString(), dev.id);
    const before = snapshot(conn.sqlite);
    const check = planUndo(conn.db, op, entry);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.reason).toBe('user dev (U_DEV) changed since: role is now "admin", not "viewer"; no audit entry after it says who (the service or a hand edit)');
    expect(() => undoAuditEntry(conn.db, op, entry)).toThrow(ConflictError);
    expect(changes(before, snapshot(conn.sqlite))).toEqual({});
    expect(users.findById(dev.id)!.role).toBe('admin');
  });

  it('names who changed it when the audit log knows', () => {
    const { conn, dev, op } = team();
    changeUserRole(conn.db, op, dev.id, 'viewer');
    const entry = lastAuditId(conn.sqlite);
    const s = service(conn);
    s.prepare("UPDATE users SET role = 'developer' WHERE id = ?").run(dev.id);
    const by = serviceAudit(s, 'user:role-changed', 'user', dev.id, 'U_OPS', { before: { role: 'viewer' }, after: { role: 'developer' } });
    expect(() => undoAuditEntry(conn.db, op, entry)).toThrow(`last changed in #${by} (user:role-changed) by U_OPS`);
  });

  it('keeps the rules of the change: admin only, nothing read-only, never the last active admin', () => {
    const { conn, admin, dev, users, op } = team();
    changeUserRole(conn.db, op, dev.id, 'admin');
    const promote = lastAuditId(conn.sqlite);
    const developer = operator({ id: 'U_DEV2', role: 'developer' });
    expect(planUndo(conn.db, developer, promote)).toEqual({ ok: false, reason: 'only an admin may change roles' });
    expect(() => undoAuditEntry(conn.db, developer, promote)).toThrow(PermissionError);
    expect(planUndo(conn.db, operator({ readOnly: true }), promote)).toEqual({ ok: false, reason: 'the console is read-only (--read-only)' });
    changeUserRole(conn.db, op, admin.id, 'developer'); // dev is now the only admin
    expect(() => undoAuditEntry(conn.db, op, promote)).toThrow('only an admin may change roles'); // root was just demoted
    const devAdmin = operator({ id: 'U_DEV', known: true });
    expect(() => undoAuditEntry(conn.db, devAdmin, promote)).toThrow(/dev is the last active admin/);
    expect(users.findById(dev.id)!.role).toBe('admin');
  });
});

describe('undoing a deactivation or a reactivation', () => {
  it('reactivates (user:reactivated), and undoing that deactivates again (user:deactivated)', () => {
    const { conn, dev, users, op } = team();
    setUserActive(conn.db, op, dev.id, false);
    const off = lastAuditId(conn.sqlite);
    expect(planUndo(conn.db, op, off)).toMatchObject({ ok: true, plan: { action: 'user:reactivated', changes: [{ field: 'active', from: false, to: true }] } });
    const on = undoAuditEntry(conn.db, op, off).audit;
    expect(users.findById(dev.id)!.active).toBe(true);
    expect(auditById(conn.sqlite, on.id)).toMatchObject({ action: 'user:reactivated', metadata: { before: { active: false }, after: { active: true }, undoes: off } });
    undoAuditEntry(conn.db, op, on.id);
    expect(users.findById(dev.id)!.active).toBe(false);
    expect(auditById(conn.sqlite, lastAuditId(conn.sqlite))).toMatchObject({ action: 'user:deactivated', metadata: { undoes: on.id } });
  });
});

describe('undoing an API key revocation', () => {
  it('clears revoked (api-key:unrevoked, masked key only); undoing that revokes again as api-key:revoked', () => {
    const conn = freshDatabase();
    const keys = new ApiKeyRepository(conn.db);
    const key = keys.create({ agentId: 'agent-1' });
    revokeApiKey(conn.db, operator(), key.id);
    const entry = lastAuditId(conn.sqlite);
    const before = snapshot(conn.sqlite);
    const undo = undoAuditEntry(conn.db, operator(), entry).audit;
    expect(changes(before, snapshot(conn.sqlite))).toEqual({ api_keys: 1, audit_logs: 1 });
    expect(keys.findById(key.id)!.revoked).toBe(false);
    const a = auditById(conn.sqlite, undo.id);
    expect(a).toMatchObject({ action: 'api-key:unrevoked', resource_type: 'api_key', resource_id: key.id });
    expect(a.metadata).toMatchObject({ before: { revoked: true }, after: { revoked: false }, undoes: entry, agentId: 'agent-1', key: maskApiKey(key.key) });
    expect(JSON.stringify(a.metadata)).not.toContain(key.key);
    undoAuditEntry(conn.db, operator(), undo.id);
    expect(keys.findById(key.id)!.revoked).toBe(true);
    expect(auditById(conn.sqlite, lastAuditId(conn.sqlite)).action).toBe('api-key:revoked');
  });

  it('refuses when the service has purged the revoked key (its 6-hourly DELETE)', () => {
    const conn = freshDatabase();
    const key = new ApiKeyRepository(conn.db).create({ agentId: 'agent-1' });
    revokeApiKey(conn.db, operator(), key.id);
    const entry = lastAuditId(conn.sqlite);
    service(conn)
      .prepare('DELETE FROM api_keys WHERE revoked = 1 OR (expires_at IS NOT NULL AND expires_at < ?)')
      .run(Math.floor(Date.now() / 1000));
    const reason = 'the service already purged this API key (it deletes revoked and expired keys every 6 hours): the row is gone; issue a new key instead';
    expect(planUndo(conn.db, operator(), entry)).toEqual({ ok: false, reason });
    expect(() => undoAuditEntry(conn.db, operator(), entry)).toThrow(reason);
  });
});

describe('what cannot be undone says why', () => {
  it('an issued key, a cleanup, a cancelled task, an entry made by the service', () => {
    const conn = freshDatabase();
    const op = operator();
    generateApiKey(conn.db, op, 'agent-1');
    const issued = lastAuditId(conn.sqlite);
    cleanupApiKeys(conn.db, op);
    const cleanup = lastAuditId(conn.sqlite);
    const task = seedTask(conn.db, seedProject(conn.db).id, { status: 'pending' });
    cancelTask(conn.db, op, task.id);
    const cancelled = lastAuditId(conn.sqlite);
    const s = service(conn);
    const byService = serviceAudit(s, 'api-key:revoked', 'api_key', 'ak_x', 'U_OPS', { agentId: 'agent-1' });
    const paused = serviceAudit(s, 'scheduled_task.paused', 'scheduled_task', 'abc', 'U_OPS');
    const refusals: [number, string][] = [
      [issued, 'an issued key cannot be undone: revoke it instead'],
      [cleanup, 'a cleanup cannot be undone: the rows are gone'],
      [cancelled, 'a cancelled task cannot be undone: its queued work was neutralized and its agent told; submit the task again instead'],
      [byService, 'this entry was made by the service, not the console: it records no before and after to restore'],
      [paused, 'this entry was made by the service, not the console: it records no before and after to restore'],
    ];
    const before = snapshot(conn.sqlite);
    for (const [id, reason] of refusals) {
      expect(planUndo(conn.db, op, id)).toEqual({ ok: false, reason });
      expect(() => undoAuditEntry(conn.db, op, id)).toThrow(ValidationError);
      expect(() => undoAuditEntry(conn.db, op, id)).toThrow(`cannot undo #${id}: ${reason}; nothing was changed`);
    }
    expect(changes(before, snapshot(conn.sqlite))).toEqual({});
  });

  it('malformed metadata and a missing entry are refused, not crashed on', () => {
    const conn = freshDatabase();
    const id = serviceAudit(service(conn), 'user:role-changed', 'user', 'user_x', 'U_OPS');
    conn.sqlite.prepare("UPDATE audit_logs SET metadata = '{not json' WHERE id = ?").run(id);
    expect(planUndo(conn.db, operator(), id)).toEqual({ ok: false, reason: 'its metadata is not JSON, so there is no before and after to restore' });
    expect(planUndo(conn.db, operator(), 999)).toEqual({ ok: false, reason: 'audit entry #999 is not in this database' });
  });
});
