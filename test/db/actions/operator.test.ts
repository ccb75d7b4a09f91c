import { describe, it, expect } from 'vitest';
import { userInfo } from 'node:os';
import { resolveOperator, currentOperator } from '../../../db/actions/operator.js';
import { changeRefusal } from '../../../db/operator.js';
import { freshDatabase } from '../../helpers/temp-db.js';
import { seedUser } from '../repositories/seed.js';

describe('resolving the operator', () => {
  it('without --as or BEMATIC_OPERATOR is the OS user acting as admin', () => {
    const { db } = freshDatabase();
    const op = resolveOperator(db, { env: {}, readOnly: false });
    expect(op).toEqual({ id: userInfo().username, role: 'admin', known: false, active: true, readOnly: false });
    expect(changeRefusal(op)).toBeNull();
  });

  it('--as a known Slack user takes that user role and active flag, over BEMATIC_OPERATOR', () => {
    const { db } = freshDatabase();
    seedUser(db, { slackUserId: 'U_VIEW', role: 'viewer' });
    seedUser(db, { slackUserId: 'U_DEV', role: 'developer' });
    const op = resolveOperator(db, { as: 'U_VIEW', env: { BEMATIC_OPERATOR: 'U_DEV' }, readOnly: false });
    expect(op).toEqual({ id: 'U_VIEW', role: 'viewer', known: true, active: true, readOnly: false });
    expect(changeRefusal(op)).toMatch(/viewer/);
  });

  it('BEMATIC_OPERATOR names the operator when --as is absent', () => {
    const { db } = freshDatabase();
    seedUser(db, { slackUserId: 'U_DEV', role: 'developer' });
    expect(resolveOperator(db, { env: { BEMATIC_OPERATOR: 'U_DEV' }, readOnly: false })).toMatchObject({ id: 'U_DEV', role: 'developer', known: true });
  });

  it('an unknown Slack id acts as admin, not known', () => {
    const { db } = freshDatabase();
    expect(resolveOperator(db, { as: 'U_NOBODY', env: {}, readOnly: false })).toEqual({
      id: 'U_NOBODY', role: 'admin', known: false, active: true, readOnly: false,
    });
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

  it('leaves an unknown operator as it was', () => {
    const { db } = freshDatabase();
    const op = resolveOperator(db, { as: 'U_X', env: {}, readOnly: false });
    expect(currentOperator(db, op)).toBe(op);
  });
});
