import { describe, it, expect, afterEach } from 'vitest';
import Database from 'better-sqlite3';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedTask, seedUser } from '../helpers/seed.js';
import { startConsole, KEYS, adminOperator } from '../app/driver.js';
import type { Connection } from '../../db/connection.js';
import type { Operator } from '../../db/operator.js';
import stringWidth from 'string-width';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

const selectedLine = (f: string): string => f.split('\n').find((l) => l.startsWith('> ')) ?? '';
/** The role under the cursor in the bordered role list. */
const pickedRole = (f: string): string => f.split('\n').find((l) => /│\s*> /.test(l)) ?? '';
const audit = (conn: Connection) => conn.sqlite.prepare('SELECT action, user_id, resource_type, resource_id, metadata FROM audit_logs ORDER BY id').all() as Record<string, string>[];
const users = (conn: Connection) =>
  conn.sqlite.prepare('SELECT slack_user_id, role, active, updated_at FROM users ORDER BY slack_user_id').all() as { slack_user_id: string; role: string; active: number; updated_at: string }[];
const userRow = (conn: Connection, slack: string) => users(conn).find((u) => u.slack_user_id === slack)!;
const idOf = (conn: Connection, slack: string) => (conn.sqlite.prepare('SELECT id FROM users WHERE slack_user_id = ?').get(slack) as { id: string }).id;

/** Two admins, a developer and an inactive viewer: names sort as the Slack ids do. */
function team(): Connection {
  const conn = freshDatabase();
  seedUser(conn.sqlite, 'U_ADMIN', 'admin');
  seedUser(conn.sqlite, 'U_BOSS', 'admin');
  seedUser(conn.sqlite, 'U_DEV', 'developer');
  seedUser(conn.sqlite, 'U_GONE', 'viewer', false);
  return conn;
}

const known = (slack: string, role: Operator['role']): Operator => ({ id: slack, role, known: true, active: true, readOnly: false });

async function usersScreen(conn: Connection, o: Parameters<typeof startConsole>[1] = {}) {
  const c = await startConsole(conn, { initialScreen: 'users', columns: 120, ...o });
  stop = c.unmount;
  await c.waitFor((f) => f.includes(' of ') || f.includes('No users'));
  return c;
}

async function selectUser(c: Awaited<ReturnType<typeof usersScreen>>, slack: string): Promise<void> {
  while (!selectedLine(c.frame()).includes(slack)) await c.press('j');
}

describe('users list', () => {
  it('shows role, active, rate limit, task counts and project permissions (malformed raw) per user', async () => {
    const conn = team();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedTask(conn.sqlite, { projectId: p, slackUserId: 'U_DEV', status: 'running' });
    seedTask(conn.sqlite, { projectId: p, slackUserId: 'U_DEV', status: 'failed' });
    conn.sqlite.prepare("UPDATE users SET rate_limit_override = 42 WHERE slack_user_id = 'U_DEV'").run();
    const perm = conn.sqlite.prepare("INSERT INTO user_project_permissions (user_id, project_id, permissions, created_at) VALUES (?, ?, ?, '2026-01-01T00:00:00.000Z')");
    perm.run(idOf(conn, 'U_DEV'), p, '["read","write"]');
    perm.run(idOf(conn, 'U_BOSS'), p, 'not[json');
    const c = await usersScreen(conn);
    const f = await c.waitFor('web: read,write');
    const line = (slack: string) => f.split('\n').find((l) => l.includes(slack)) ?? '';
    expect(line('U_DEV')).toMatch(/U_DEV\s+developer\s+yes\s+42\s+2\s+1\s+web: read,write/);
    expect(line('U_BOSS')).toContain('web: (raw) not[json');
    expect(line('U_GONE')).toMatch(/viewer\s+no\s+-\s+0\s+0/);
    expect(f).toContain('1-4 of 4');
  });

  it('filters by role, active and name', async () => {
    const c = await usersScreen(team());
    await c.press('/');
    await c.type('role:admin');
    let f = await c.press(KEYS.enter, 'filter role:admin');
    expect(f).toContain('U_BOSS');
    expect(f).not.toContain('U_DEV');
    await c.press('/');
    for (let i = 0; i < 'role:admin'.length; i++) await c.press(KEYS.backspace);
    await c.type('active:no');
    f = await c.press(KEYS.enter, 'filter active:no');
    expect(f).toContain('1-1 of 1');
    expect(f).toContain('U_GONE');
    await c.press('/');
    for (let i = 0; i < 'active:no'.length; i++) await c.press(KEYS.backspace);
    await c.type('boss');
    f = await c.press(KEYS.enter, 'filter boss');
    expect(f).toContain('1-1 of 1');
    expect(f).toContain('U_BOSS');
  });

  it('opens a user: permissions per project, recent tasks that open with Enter', async () => {
    const conn = team();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedTask(conn.sqlite, { projectId: p, slackUserId: 'U_DEV', prompt: 'make the login work' });
    conn.sqlite.prepare("INSERT INTO user_project_permissions (user_id, project_id, permissions, created_at) VALUES (?, ?, '[\"deploy\"]', '2026-01-01T00:00:00.000Z')").run(idOf(conn, 'U_DEV'), p);
    const c = await usersScreen(conn);
    await selectUser(c, 'U_DEV');
    await c.press(KEYS.enter, 'recent');
    // the counts read every task of the user: they come in a frame after the detail's first
    let f = await c.waitFor('1 in all, 0 running');
    expect(f).toContain('Project permissions');
    expect(f).toMatch(new RegExp(`│ web +│ ${p} +│ deploy +│`)); // a table row: project, id, permissions
    while (!selectedLine(c.frame()).includes('make the login work')) await c.press('j');
    f = await c.press(KEYS.enter, 'Task task_');
    expect(f).toContain('make the login work');
  });
});

describe('changing a role', () => {
  it('picks from a list, asks with No first, and on y changes only that row and audits before and after with the operator', async () => {
    const conn = team();
    const before = users(conn);
    const c = await usersScreen(conn);
    await selectUser(c, 'U_DEV');
    let f = await c.press('e', 'Role for name-U_DEV');
    expect(pickedRole(f)).toContain('developer');
    f = await c.press('k');
    expect(pickedRole(f)).toContain('admin');
    f = await c.press(KEYS.enter, 'Make name-U_DEV admin?');
    expect(f).toMatch(/> No \(n\)/);
    f = await c.press('y', 'audited as user:role-changed');
    expect(selectedLine(f)).toMatch(/U_DEV\s+admin/);
    expect(userRow(conn, 'U_DEV').role).toBe('admin');
    const others = (rows: typeof before) => rows.filter((u) => u.slack_user_id !== 'U_DEV');
    expect(others(users(conn))).toEqual(others(before));
    const rows = audit(conn);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'user:role-changed', user_id: 'U_ADMIN', resource_type: 'user', resource_id: idOf(conn, 'U_DEV') });
    expect(JSON.parse(rows[0]!.metadata)).toMatchObject({ before: { role: 'developer' }, after: { role: 'admin' } });
  });

  it('n, Esc and Enter on No leave the role alone; Esc closes the list; the same role changes nothing', async () => {
    const conn = team();
    const c = await usersScreen(conn);
    await selectUser(c, 'U_DEV');
    for (const key of ['n', KEYS.esc, KEYS.enter]) {
      await c.press('e', 'Role for');
      await c.press('j');
      await c.press(KEYS.enter, 'Make name-U_DEV viewer?');
      await c.press(key, 'e role');
    }
    await c.press('e', 'Role for');
    await c.press(KEYS.esc, 'e role');
    await c.press('e', 'Role for');
    await c.press(KEYS.enter, 'already developer');
    expect(userRow(conn, 'U_DEV').role).toBe('developer');
    expect(audit(conn)).toEqual([]);
  });

  it('refuses to demote the last active admin in one line, without asking', async () => {
    const conn = freshDatabase();
    seedUser(conn.sqlite, 'U_ADMIN', 'admin');
    seedUser(conn.sqlite, 'U_DEV', 'developer');
    const c = await usersScreen(conn);
    await selectUser(c, 'U_ADMIN');
    await c.press('e', 'Role for');
    await c.press('j');
    const f = await c.press(KEYS.enter, 'last active admin and cannot be demoted');
    expect(f).not.toContain('Make name-U_ADMIN');
    await c.press('d', 'last active admin and cannot be deactivated');
    expect(userRow(conn, 'U_ADMIN')).toMatchObject({ role: 'admin', active: 1 });
    expect(audit(conn)).toEqual([]);
  });

  it('shows a conflict in one line when the service changed the user between showing and confirming, and applies nothing', async () => {
    const conn = team();
    const c = await usersScreen(conn);
    await selectUser(c, 'U_DEV');
    await c.press('e', 'Role for');
    await c.press('j');
    await c.press(KEYS.enter, 'Make name-U_DEV viewer?');
    const other = new Database(conn.path);
    other.prepare("UPDATE users SET active = 0, updated_at = '2027-01-01T00:00:00.000Z' WHERE slack_user_id = 'U_DEV'").run();
    other.close();
    const f = await c.press('y', 'Role not changed');
    expect(f).toContain('changed since it was shown');
    expect(userRow(conn, 'U_DEV')).toMatchObject({ role: 'developer', active: 0 });
    expect(audit(conn)).toEqual([]);
  });
});

describe('deactivating and reactivating', () => {
  it('d deactivates after a confirmation and d again reactivates; each audited with before and after', async () => {
    const conn = team();
    const c = await usersScreen(conn);
    await selectUser(c, 'U_DEV');
    let f = await c.press('d', 'Deactivate this user?');
    expect(f).toMatch(/> No \(n\)/);
    f = await c.press('y', 'audited as user:deactivated');
    expect(selectedLine(f)).toMatch(/developer\s+no/);
    expect(userRow(conn, 'U_DEV').active).toBe(0);
    await c.press('d', 'Reactivate this user?');
    await c.press('y', 'audited as user:reactivated');
    expect(userRow(conn, 'U_DEV').active).toBe(1);
    const rows = audit(conn);
    expect(rows.map((r) => [r.action, r.user_id, r.resource_id])).toEqual([
      ['user:deactivated', 'U_ADMIN', idOf(conn, 'U_DEV')],
      ['user:reactivated', 'U_ADMIN', idOf(conn, 'U_DEV')],
    ]);
    expect(JSON.parse(rows[0]!.metadata)).toMatchObject({ before: { active: true }, after: { active: false } });
    expect(userRow(conn, 'U_BOSS')).toMatchObject({ role: 'admin', active: 1 });
  });

  it('works from the user detail too, updating it in place', async () => {
    const conn = team();
    const c = await usersScreen(conn);
    await selectUser(c, 'U_GONE');
    await c.press(KEYS.enter, 'denied everything');
    await c.press('d', 'Reactivate this user?');
    const f = await c.press('y', 'audited as user:reactivated');
    expect(f).toMatch(/active\s+yes/);
    expect(userRow(conn, 'U_GONE').active).toBe(1);
  });
});

describe('who may change users', () => {
  it('a viewer sees everything, no action keys, and a key press says why and changes nothing', async () => {
    const conn = team();
    const c = await usersScreen(conn, { operator: known('U_GONE', 'viewer') });
    await selectUser(c, 'U_DEV');
    expect(c.frame()).not.toContain('e role');
    expect(c.frame()).not.toContain('(de)activate');
    await c.press('e', 'is a viewer and can change nothing');
    expect(c.frame()).not.toContain('Role for');
    await c.press('d', 'Cannot deactivate');
    expect(c.frame()).not.toContain('Deactivate this user?');
    expect(userRow(conn, 'U_DEV')).toMatchObject({ role: 'developer', active: 1 });
    expect(audit(conn)).toEqual([]);
  });

  it('a developer is not offered the admin-only keys, and is told only an admin may, before anything is asked', async () => {
    const conn = team();
    const c = await usersScreen(conn, { operator: known('U_DEV', 'developer') });
    expect(c.frame()).toContain('Enter open');
    expect(c.frame()).not.toContain('e role');
    expect(c.frame()).not.toContain('(de)activate');
    await c.press('e', 'only an admin may change roles');
    await c.press('d', 'only an admin may deactivate');
    expect(audit(conn)).toEqual([]);
  });

  it('read-only hides the actions and refuses them', async () => {
    const conn = team();
    const c = await usersScreen({ ...conn, readOnly: true }, { operator: { ...adminOperator, readOnly: true } });
    expect(c.frame()).toContain('READ-ONLY');
    expect(c.frame()).not.toContain('e role');
    await c.press('e', 'read-only');
    expect(c.frame()).not.toContain('Role for');
    expect(audit(conn)).toEqual([]);
  });
});

describe("a user's project permissions table", () => {
  for (const columns of [60, 120]) {
    it(`fits ${columns} columns, one row per project, malformed JSON raw and inert`, async () => {
      const conn = team();
      const web = seedProject(conn.sqlite, { name: 'web' });
      const api = seedProject(conn.sqlite, { name: 'api\u001b[2J' });
      const perm = conn.sqlite.prepare("INSERT INTO user_project_permissions (user_id, project_id, permissions, created_at) VALUES (?, ?, ?, '2026-01-01T00:00:00.000Z')");
      perm.run(idOf(conn, 'U_DEV'), web, '["deploy","read"]');
      perm.run(idOf(conn, 'U_DEV'), api, 'not[json');
      const c = await usersScreen(conn, { columns });
      await selectUser(c, 'U_DEV');
      const f = await c.press(KEYS.enter, 'Project permissions');
      for (const l of f.split('\n')) expect(stringWidth(l), l).toBeLessThanOrEqual(columns);
      expect(f).toMatch(/│ web +│ [^│]+│ deploy, read +│/);
      expect(f).not.toContain('\u001b[2J');
      if (columns === 120) {
        expect(f).toContain('api\\x1b[2J');
        expect(f).toContain('(not a JSON list, shown raw) not[json');
      }
    });
  }
});
