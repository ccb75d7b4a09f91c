import { describe, it, expect } from 'vitest';
import { changeUserRole, setUserActive } from '../../../db/actions/users.js';
import { ConflictError, NotFoundError, PermissionError, ValidationError } from '../../../db/errors.js';
import { freshDatabase } from '../../helpers/temp-db.js';
import { seedUser } from '../repositories/seed.js';
import { auditRows, changes, operator, service, snapshot } from './harness.js';

function team() {
  const conn = freshDatabase();
  const admin = seedUser(conn.db, { slackUserId: 'U_ADMIN', slackUsername: 'root', role: 'admin' });
  const dev = seedUser(conn.db, { slackUserId: 'U_DEV', slackUsername: 'dev', role: 'developer' });
  return { conn, admin, dev, op: operator({ id: 'U_ADMIN', known: true }) };
}

describe('changing a role', () => {
  it('changes the one row and writes user:role-changed with before and after', () => {
    const { conn, dev, op } = team();
    const before = snapshot(conn.sqlite);
    const row = changeUserRole(conn.db, op, dev.id, 'viewer');
    expect(row.role).toBe('viewer');
    expect(changes(before, snapshot(conn.sqlite))).toEqual({ users: 1, audit_logs: 1 });
    const [a] = auditRows(conn.sqlite);
    expect(a).toMatchObject({ action: 'user:role-changed', user_id: 'U_ADMIN', resource_type: 'user', resource_id: dev.id });
    expect(JSON.parse(a!.metadata)).toMatchObject({ before: { role: 'developer' }, after: { role: 'viewer' } });
  });

  it('accepts admin, developer and viewer only', () => {
    const { conn, dev, op } = team();
    expect(() => changeUserRole(conn.db, op, dev.id, 'owner')).toThrow(ValidationError);
    expect(() => changeUserRole(conn.db, op, dev.id, 'developer')).toThrow(/already developer/);
    expect(auditRows(conn.sqlite)).toEqual([]);
  });

  it('refuses to demote the last active admin', () => {
    const { conn, admin, op } = team();
    seedUser(conn.db, { role: 'admin', active: false });
    const before = snapshot(conn.sqlite);
    expect(() => changeUserRole(conn.db, op, admin.id, 'developer')).toThrow(/last active admin/);
    expect(changes(before, snapshot(conn.sqlite))).toEqual({});
  });

  it('demotes an admin when another active admin remains', () => {
    const { conn, admin, op } = team();
    seedUser(conn.db, { role: 'admin' });
    expect(changeUserRole(conn.db, op, admin.id, 'developer').role).toBe('developer');
  });

  it('is a conflict when the role changed since the operator saw it', () => {
    const { conn, dev, op } = team();
    service(conn).prepare("UPDATE users SET role = 'viewer' WHERE id = ?").run(dev.id);
    const before = snapshot(conn.sqlite);
    expect(() => changeUserRole(conn.db, op, dev.id, 'admin', { role: 'developer' })).toThrow(ConflictError);
    expect(changes(before, snapshot(conn.sqlite))).toEqual({});
  });

  it('is NotFoundError for an unknown user', () => {
    const { conn, op } = team();
    expect(() => changeUserRole(conn.db, op, 'user_none', 'viewer')).toThrow(NotFoundError);
  });
});

describe('deactivating and reactivating', () => {
  it('writes user:deactivated then user:reactivated with before and after', () => {
    const { conn, dev, op } = team();
    expect(setUserActive(conn.db, op, dev.id, false).active).toBe(false);
    expect(setUserActive(conn.db, op, dev.id, true).active).toBe(true);
    const rows = auditRows(conn.sqlite);
    expect(rows.map((r) => r.action)).toEqual(['user:deactivated', 'user:reactivated']);
    expect(JSON.parse(rows[0]!.metadata)).toMatchObject({ before: { active: true }, after: { active: false } });
    expect(rows.every((r) => r.user_id === 'U_ADMIN' && r.resource_id === dev.id)).toBe(true);
  });

  it('refuses to deactivate the last active admin, and a no-op', () => {
    const { conn, admin, dev, op } = team();
    expect(() => setUserActive(conn.db, op, admin.id, false)).toThrow(/last active admin and cannot be deactivated/);
    expect(() => setUserActive(conn.db, op, dev.id, true)).toThrow(/already active/);
    expect(auditRows(conn.sqlite)).toEqual([]);
  });

  it('is a conflict when the service deactivated the user first', () => {
    const { conn, dev, op } = team();
    service(conn).prepare('UPDATE users SET active = 0 WHERE id = ?').run(dev.id);
    expect(() => setUserActive(conn.db, op, dev.id, false, { active: true })).toThrow(ConflictError);
    expect(auditRows(conn.sqlite)).toEqual([]);
  });
});

describe('who may change users', () => {
  it.each([
    ['a developer', operator({ id: 'U_DEV', role: 'developer' }), /only an admin may change roles/],
    ['a viewer', operator({ role: 'viewer' }), /viewer/],
    ['an inactive admin', operator({ active: false }), /inactive/],
    ['a read-only console', operator({ readOnly: true }), /read-only/],
  ])('refuses %s and changes nothing', (_who, op, why) => {
    const { conn, dev } = team();
    const before = snapshot(conn.sqlite);
    expect(() => changeUserRole(conn.db, op, dev.id, 'viewer')).toThrow(PermissionError);
    expect(() => changeUserRole(conn.db, op, dev.id, 'viewer')).toThrow(why);
    expect(() => setUserActive(conn.db, op, dev.id, false)).toThrow(PermissionError);
    expect(changes(before, snapshot(conn.sqlite))).toEqual({});
  });

  it('refuses an admin who was demoted after the console started', () => {
    const { conn, admin, dev, op } = team();
    seedUser(conn.db, { role: 'admin' });
    service(conn).prepare("UPDATE users SET role = 'developer' WHERE id = ?").run(admin.id);
    expect(() => changeUserRole(conn.db, op, dev.id, 'viewer')).toThrow(/only an admin/);
  });
});
