import { describe, it, expect, afterEach } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { startConsole, KEYS } from '../app/driver.js';
import { UserRepository } from '../../db/repositories/users.js';
import { ApiKeyRepository } from '../../db/repositories/api-keys.js';
import { seedUser } from '../db/repositories/seed.js';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

const footer = (f: string): string =>
  f
    .split('\n')
    .filter((l) => l.trim())
    .at(-1) ?? '';

/** dev is row 2 of the users list; e, k (admin), Enter, y: the change and its flash. */
async function promoteDev() {
  const conn = freshDatabase();
  seedUser(conn.db, { slackUserId: 'U_A', slackUsername: 'a-root', role: 'admin' });
  const dev = seedUser(conn.db, { slackUserId: 'U_DEV', slackUsername: 'dev', role: 'developer' });
  const c = await startConsole(conn, { initialScreen: 'users', columns: 120 });
  stop = c.unmount;
  await c.waitFor('1-2 of 2');
  await c.press('j');
  await c.press('e', 'Role for dev');
  await c.press('k');
  await c.press(KEYS.enter, 'Make dev admin?');
  const f = await c.press('y', 'audited as user:role-changed');
  const role = (): string => new UserRepository(conn.db).findById(dev.id)!.role;
  return { conn, c, f, role };
}

describe('the flash line after a change offers u undo', () => {
  it('u opens the entry with its undo confirmation; y takes the change back', async () => {
    const { c, f, role } = await promoteDev();
    expect(footer(f)).toMatch(/^u undo · dev is now admin/);
    expect(role()).toBe('admin');
    let g = await c.press('u', 'Undo entry #1 (user:role-changed)?');
    expect(g).toContain('role: "admin" → "developer"');
    expect(g).toMatch(/> No \(n\)/);
    expect(g.split('\n')[1]).toMatch(/Audit #1/); // on the entry's own screen
    g = await c.press('y', 'Undone #1');
    expect(role()).toBe('developer');
  });

  it('another key first ends the offer: u then does nothing', async () => {
    const { c, role } = await promoteDev();
    const f = await c.press('k');
    expect(f).not.toContain('u undo ·');
    const g = await c.tap('u');
    expect(g).not.toContain('Undo entry');
    expect(g.split('\n')[1]).toMatch(/^Users/);
    expect(role()).toBe('admin');
  });

  it('a revoke offers it too; a cleanup (not undoable) does not', async () => {
    const conn = freshDatabase();
    const key = new ApiKeyRepository(conn.db).create({ agentId: 'agent-1' });
    const c = await startConsole(conn, { initialScreen: 'api-keys', columns: 120 });
    stop = c.unmount;
    await c.waitFor('1-1 of 1');
    await c.press('x', 'Revoke this API key?');
    let f = await c.press('y', 'audited as api-key:revoked');
    expect(footer(f)).toMatch(/^u undo · /);
    await c.press('u', 'Undo entry #1 (api-key:revoked)?');
    await c.press('y', 'Undone #1');
    expect(new ApiKeyRepository(conn.db).findById(key.id)!.revoked).toBe(false);
    await c.press(KEYS.esc, 'API keys');
    f = await c.press('x', 'Revoke this API key?');
    await c.press('y', 'audited as api-key:revoked');
    await c.press('C', 'cleanup');
    await c.type('cleanup');
    f = await c.press(KEYS.enter, 'audited as api-key:cleanup');
    expect(footer(f)).not.toContain('u undo');
  });
});
