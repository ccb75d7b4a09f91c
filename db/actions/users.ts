import type { DB } from '../connection.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Operator } from '../operator.js';
import { UserRepository, assertRole } from '../repositories/users.js';
import type { UserRow } from '../types.js';
import { assertUnchanged, audit, runAction } from './run.js';

/** What the caller showed the operator; a difference now means the row changed meanwhile. */
export type UserExpectation = Partial<Pick<UserRow, 'role' | 'active' | 'updatedAt'>>;

function load(users: UserRepository, userId: string, expected: UserExpectation | undefined): UserRow {
  const user = users.findById(userId);
  if (!user) throw new NotFoundError('user', userId);
  assertUnchanged(`user ${user.slackUsername}`, user, expected);
  return user;
}

/** An active admin losing admin rights must not be the last one, or nobody could administer. */
export function assertNotLastAdmin(users: UserRepository, user: UserRow, change: string): void {
  if (user.role !== 'admin' || !user.active) return;
  if (users.countActiveAdmins() <= 1) {
    throw new ValidationError(`${user.slackUsername} is the last active admin and cannot be ${change}; make another user admin first`);
  }
}

/** Admin only; audited as `user:role-changed` (the service does not audit this, the console must). */
export function changeUserRole(db: DB, op: Operator, userId: string, role: string, expected?: UserExpectation): UserRow {
  assertRole(role);
  return runAction(db, op, 'change roles', (now) => {
    const users = new UserRepository(db);
    const before = load(users, userId, expected);
    if (before.role === role) throw new ValidationError(`${before.slackUsername} is already ${role}; nothing was changed`);
    if (role !== 'admin') assertNotLastAdmin(users, before, 'demoted');
    const after = users.updateRole(userId, role);
    audit(db, now, 'user:role-changed', 'user', userId, {
      before: { role: before.role },
      after: { role: after.role },
      slackUserId: before.slackUserId,
    });
    return after;
  });
}

/** Admin only; audited as `user:deactivated` or `user:reactivated`. */
export function setUserActive(db: DB, op: Operator, userId: string, active: boolean, expected?: UserExpectation): UserRow {
  return runAction(db, op, active ? 'reactivate users' : 'deactivate users', (now) => {
    const users = new UserRepository(db);
    const before = load(users, userId, expected);
    if (before.active === active) {
      throw new ValidationError(`${before.slackUsername} is already ${active ? 'active' : 'inactive'}; nothing was changed`);
    }
    if (!active) assertNotLastAdmin(users, before, 'deactivated');
    const after = users.setActive(userId, active);
    audit(db, now, active ? 'user:reactivated' : 'user:deactivated', 'user', userId, {
      before: { active: before.active },
      after: { active: after.active },
      slackUserId: before.slackUserId,
    });
    return after;
  });
}
