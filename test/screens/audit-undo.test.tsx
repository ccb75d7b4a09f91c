import { describe, it, expect, afterEach } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { startConsole, KEYS, adminOperator } from '../app/driver.js';
import { changeUserRole } from '../../db/actions/users.js';
import { cancelTask } from '../../db/actions/tasks.js';
import { UserRepository } from '../../db/repositories/users.js';
import { seedProject, seedTask, seedUser } from '../db/repositories/seed.js';
import type { Connection } from '../../db/connection.js';
import type { Operator } from '../../db/operator.js';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

const auditCount = (conn: Connection): number => conn.sqlite.prepare('SELECT count(*) FROM audit_logs').pluck().get() as number;

/** dev demoted from developer to viewer by the console: audit entry #1. */
function demoted() {
  const conn = freshDatabase();
  const dev = seedUser(conn.db, { slackUserId: 'U_DEV', slackUsername: 'dev', role: 'developer' });
  seedUser(conn.db, { slackUserId: 'U_ADMIN', slackUsername: 'root', role: 'admin' });
  changeUserRole(conn.db, adminOperator, dev.id, 'viewer');
  const role = (): string => new UserRepository(conn.db).findById(dev.id)!.role;
  return { conn, dev, role };
}

async function auditScreen(conn: Connection, operator: Operator = adminOperator) {
  const c = await startConsole(conn, { initialScreen: 'audit', columns: 120, rows: 30, operator });
  stop = c.unmount;
  await c.waitFor(' of ');
  return c;
}

describe('u on the audit log', () => {
  it('shows the diff it will apply with No selected; n leaves it; y undoes it, audited and listed', async () => {
    const { conn, role } = demoted();
    const c = await auditScreen(conn);
    expect(c.frame()).toContain('u undo');
    let f = await c.press('u', 'Undo entry #1 (user:role-changed)?');
    expect(f).toContain('user dev (U_DEV):');
    expect(f).toContain('role: "viewer" → "developer"');
    expect(f).toContain('Audited as user:role-changed, naming #1');
    expect(f).toMatch(/> No \(n\)/);
    f = await c.press('n', '1-1 of 1');
    expect(f).not.toContain('Undo entry');
    expect(role()).toBe('viewer');
    await c.press('u', 'Undo entry #1');
    f = await c.press('y', 'Undone #1');
    expect(f).toContain('Undone #1: user dev (U_DEV) role: "viewer" → "developer"; audited as #2 user:role-changed.');
    expect(role()).toBe('developer');
    const undo = conn.sqlite.prepare('SELECT action, user_id, metadata FROM audit_logs WHERE id = 2').get() as { action: string; user_id: string; metadata: string };
    expect(undo).toMatchObject({ action: 'user:role-changed', user_id: 'U_ADMIN' });
    expect(JSON.parse(undo.metadata)).toMatchObject({ undoes: 1, before: { role: 'viewer' }, after: { role: 'developer' } });
    f = await c.waitFor('1-2 of 2');
    expect(f.match(/user:role-changed +root /g)).toHaveLength(2); // the undo's own row, newest first; who acted by username (issue 15)
  });

  it('from the entry detail too; Enter on the selected No leaves it', async () => {
    const { conn, role } = demoted();
    const c = await auditScreen(conn);
    await c.press(KEYS.enter, '"role": "viewer"');
    let f = await c.press('u', 'Undo entry #1');
    f = await c.press(KEYS.enter, 'metadata');
    expect(f).not.toContain('Undo entry');
    expect(role()).toBe('viewer');
    await c.press('u', 'Undo entry #1');
    await c.press('y', 'Undone #1');
    expect(role()).toBe('developer');
  });

  it('says why an irreversible entry cannot be undone, in a box any key closes; nothing written', async () => {
    const conn = freshDatabase();
    const task = seedTask(conn.db, seedProject(conn.db).id, { status: 'pending' });
    cancelTask(conn.db, adminOperator, task.id);
    const c = await auditScreen(conn);
    let f = await c.press('u', 'Cannot undo #1');
    expect(f.replace(/[│\s]+/g, ' ')).toContain('A cancelled task cannot be undone: its queued work was neutralized and its agent told; submit the task again instead.');
    f = await c.press('j', '1-1 of 1');
    expect(f).not.toContain('Cannot undo');
    expect(auditCount(conn)).toBe(1);
  });

  it('says what changed since when the service wrote the row in between', async () => {
    const { conn, dev, role } = demoted();
    conn.sqlite.prepare("UPDATE users SET role = 'admin' WHERE id = ?").run(dev.id);
    const c = await auditScreen(conn);
    const f = await c.press('u', 'Cannot undo #1');
    expect(f.replace(/[│\s]+/g, ' ')).toContain('role is now "admin", not "viewer"');
    expect(role()).toBe('admin');
    expect(auditCount(conn)).toBe(1);
  });

  it('read-only: u says why instead of doing nothing, and offers no undo', async () => {
    const { conn, role } = demoted();
    const c = await auditScreen(conn, { ...adminOperator, readOnly: true });
    expect(c.frame()).not.toContain('u undo');
    const f = await c.press('u', 'Cannot undo: the console is read-only (--read-only).');
    expect(f).not.toContain('Undo entry');
    expect(role()).toBe('viewer');
  });
});
