import { describe, it, expect } from 'vitest';
import { userInfo } from 'node:os';
import { resolveOperator, currentOperator } from '../../../db/actions/operator.js';
import { changeRefusal, operatorLabel } from '../../../db/operator.js';
import { UsageError } from '../../../db/errors.js';
import { freshDatabase } from '../../helpers/temp-db.js';
import { seedUser } from '../repositories/seed.js';

describe('resolving the operator', () => {
  it('without --as or BEMATIC_OPERATOR is the OS user acting as admin', () => {
    const { db } = freshDatabase();
    const op = resolveOperator(db, { env: {}, readOnly: false });
    expect(op).toEqual({ id: userInfo().username, role: 'admin', known: false, active: true, readOnly: false, source: 'os' });
    expect(changeRefusal(op)).toBeNull();
  });

  it('--as a known Slack user takes that user role and active flag, over BEMATIC_OPERATOR', () => {
    const { db } = freshDatabase();
    seedUser(db, { slackUserId: 'U_VIEW', slackUsername: 'vera', role: 'viewer' });
    seedUser(db, { slackUserId: 'U_DEV', role: 'developer' });
    const op = resolveOperator(db, { as: 'U_VIEW', env: { BEMATIC_OPERATOR: 'U_DEV' }, readOnly: false });
    expect(op).toEqual({ id: 'U_VIEW', role: 'viewer', known: true, active: true, readOnly: false, name: 'vera', source: 'as' });
    expect(changeRefusal(op)).toMatch(/viewer/);
  });

  it('BEMATIC_OPERATOR names the operator when --as is absent', () => {
    const { db } = freshDatabase();
    seedUser(db, { slackUserId: 'U_DEV', role: 'developer' });
    expect(resolveOperator(db, { env: { BEMATIC_OPERATOR: 'U_DEV' }, readOnly: false })).toMatchObject({ id: 'U_DEV', role: 'developer', known: true });
  });

  it('an unknown Slack id is refused with how to find the ids, instead of acting as admin', () => {
    const { db } = freshDatabase();
    seedUser(db, { slackUserId: 'U_ADMIN', role: 'admin' });
    const refused = (): unknown => resolveOperator(db, { as: 'U_NOBODY', env: {}, readOnly: false });
    expect(refused).toThrow(UsageError);
    expect(refused).toThrow(/--as "U_NOBODY" names no user in users.*Users screen.*select slack_user_id, slack_username from users/);
    expect(() => resolveOperator(db, { env: { BEMATIC_OPERATOR: 'U_TYPO' }, readOnly: true })).toThrow(/BEMATIC_OPERATOR "U_TYPO" names no user/);
  });

  it('compares Slack ids exactly, as the service does: lower case, spaces or an empty --as are refused, with the likely id', () => {
    const { db } = freshDatabase();
    seedUser(db, { slackUserId: 'U0ADMIN', role: 'admin' });
    expect(() => resolveOperator(db, { as: 'u0admin', env: {}, readOnly: false })).toThrow(/names no user.*did you mean "U0ADMIN"\?/);
    expect(() => resolveOperator(db, { as: ' U0ADMIN ', env: {}, readOnly: false })).toThrow(/did you mean "U0ADMIN"\?/);
    expect(() => resolveOperator(db, { as: '', env: { BEMATIC_OPERATOR: 'U0ADMIN' }, readOnly: false })).toThrow(/--as "" names no user/);
    expect(resolveOperator(db, { env: { BEMATIC_OPERATOR: '' }, readOnly: false }).source).toBe('os'); // empty: not set
  });

  it('an inactive known user is refused everything', () => {
    const { db } = freshDatabase();
    seedUser(db, { slackUserId: 'U_GONE', role: 'admin', active: false });
    const op = resolveOperator(db, { as: 'U_GONE', env: {}, readOnly: false });
    expect(op).toMatchObject({ role: 'admin', known: true, active: false });
    expect(changeRefusal(op)).toMatch(/inactive/);
  });

  it('--read-only carries through and refuses every change', () => {
    const { db } = freshDatabase();
    const op = resolveOperator(db, { env: {}, readOnly: true });
    expect(op.readOnly).toBe(true);
    expect(changeRefusal(op)).toMatch(/read-only/);
  });

  it('an unexpected role in a real row grants nothing', () => {
    const { db, sqlite } = freshDatabase();
    seedUser(db, { slackUserId: 'U_ODD' });
    sqlite.prepare("UPDATE users SET role = 'superuser' WHERE slack_user_id = 'U_ODD'").run();
    expect(resolveOperator(db, { as: 'U_ODD', env: {}, readOnly: false }).role).toBe('viewer');
  });
});

describe('the operator as the database says now', () => {
  it('sees a known user demoted or deactivated after the console started', () => {
    const { db } = freshDatabase();
    const u = seedUser(db, { slackUserId: 'U_A', role: 'admin' });
    const op = resolveOperator(db, { as: 'U_A', env: {}, readOnly: false });
    db.$client.prepare("UPDATE users SET role = 'developer', active = 0 WHERE id = ?").run(u.id);
    expect(currentOperator(db, op)).toMatchObject({ role: 'developer', active: false });
  });

  it('leaves the OS user as it was', () => {
    const { db } = freshDatabase();
    const op = resolveOperator(db, { env: {}, readOnly: false });
    expect(currentOperator(db, op)).toBe(op);
  });
});

describe('how the header names the operator', () => {
  it('a user by id, name and role; the OS user as not in users', () => {
    expect(operatorLabel({ id: 'U123', role: 'admin', known: true, active: true, readOnly: false, name: 'alice', source: 'as' })).toBe('U123 (alice, admin)');
    expect(operatorLabel({ id: 'U9', role: 'developer', known: true, active: false, readOnly: false, name: 'bob', source: 'env' })).toBe('U9 (bob, developer, inactive)');
    expect(operatorLabel({ id: 'root', role: 'admin', known: false, active: true, readOnly: false, source: 'os' })).toBe('root (OS user, not in users: admin)');
  });
});
