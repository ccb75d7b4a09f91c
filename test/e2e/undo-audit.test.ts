import { afterAll, afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TmuxShell, binaryCommand, hasTmux } from '../helpers/spawn-tmux.js';
import { openDatabase } from '../../db/connection.js';
import { pushSchema } from '../../db/migrate/push-schema.js';

if (!hasTmux()) console.warn('e2e undo-audit: tmux is not installed; skipped (install tmux to run it)');

const ADMIN = 'U0UNDOADMIN';
const DEV = 'U0UNDODEV';

const dir = mkdtempSync(join(tmpdir(), 'bematic-e2e-undo-'));
let shell: TmuxShell | undefined;
afterEach(() => shell?.close());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A database with the full schema, an admin operator and a developer whose role changes. */
function seeded(name: string): { path: string; read: <T>(sql: string, ...args: unknown[]) => T } {
  const path = join(dir, name);
  const conn = openDatabase({ path, create: true });
  pushSchema(conn.sqlite);
  const now = new Date().toISOString();
  const user = conn.sqlite.prepare('INSERT INTO users (id, slack_user_id, slack_username, role, active, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)');
  user.run('user_undoAdmin', ADMIN, 'undo-admin', 'admin', now, now);
  user.run('user_undoDev', DEV, 'undo-dev', 'developer', now, now);
  conn.close();
  const read = <T>(sql: string, ...args: unknown[]): T => {
    const db = new Database(path, { readonly: true });
    try {
      return db.prepare(sql).get(...args) as T;
    } finally {
      db.close();
    }
  };
  return { path, read };
}

/** The box's text with borders and wrapping taken out. */
const flat = (screen: string): string => screen.replace(/[│╭╮╰╯─\s]+/g, ' ');
const selected = (screen: string): string => /^> (.*)$/m.exec(screen)?.[1] ?? '';

describe.skipIf(!hasTmux())('undo from the audit log with the built binary (tmux)', () => {
  it('changes a role on screen 4, then undoes it with u on screen 8: the diff, y, the role back, audited naming the entry', async () => {
    const { path, read } = seeded('undo-role.db');
    const role = (): string => read<{ role: string }>('SELECT role FROM users WHERE slack_user_id = ?', DEV).role;
    const s = (shell = new TmuxShell(120, 40));
    s.run(`${binaryCommand(['--db', path, '--as', ADMIN])}; echo "EXIT=$?"`);
    await s.waitFor(/Tasks by status/);
    s.literal('4');
    await s.waitFor(/1-2 of 2/);
    s.literal('j'); // undo-admin, then undo-dev
    await s.waitFor((t) => selected(t).includes('undo-dev'));
    s.literal('e');
    await s.waitFor(/Role for undo-dev \(now developer\)/);
    s.literal('j');
    await s.waitFor(/│\s*> viewer/);
    s.keys('Enter');
    await s.waitFor(/Make undo-dev viewer\?/);
    s.literal('y');
    await s.waitFor('audited as user:role-changed');
    expect(role()).toBe('viewer');
    const entry = read<{ id: number }>("SELECT max(id) AS id FROM audit_logs WHERE action = 'user:role-changed'").id;

    s.literal('8');
    const list = await s.waitFor((t) => /^Audit log/.test(t.split('\n')[1] ?? '') && /1-1 of 1/.test(t));
    expect(list).toMatch(/u undo/);
    s.literal('u');
    const question = await s.waitFor(new RegExp(`Undo entry #${entry} \\(user:role-changed\\)\\?`));
    expect(question).toMatch(/> No \(n\)/);
    expect(flat(question)).toContain('user undo-dev (U0UNDODEV): role: "viewer" → "developer"');
    s.literal('y');
    const done = await s.waitFor((t) => t.includes(`Undone #${entry}`) && /1-2 of 2/.test(t));
    expect(done).not.toMatch(/Undo entry #/);
    expect(role()).toBe('developer');
    const undo = read<{ id: number; action: string; user_id: string; resource_id: string; metadata: string }>(
      'SELECT id, action, user_id, resource_id, metadata FROM audit_logs ORDER BY id DESC LIMIT 1',
    );
    expect(undo).toMatchObject({ action: 'user:role-changed', user_id: ADMIN, resource_id: 'user_undoDev' });
    expect(JSON.parse(undo.metadata)).toMatchObject({ undoes: entry, before: { role: 'viewer' }, after: { role: 'developer' } });

    // the cursor stays on the entry (the undo's row came in above it); it cannot be undone twice
    expect(done.split('\n').findIndex((l) => l.startsWith('> '))).toBe(done.split('\n').findIndex((l) => l.includes('Metadata')) + 2);
    s.literal('u');
    const refused = await s.waitFor(new RegExp(`Cannot undo #${entry}`));
    expect(flat(refused)).toContain(`role is now "developer", not "viewer"; last changed in #${undo.id} (user:role-changed) by ${ADMIN}`);
    s.literal('j');
    await s.waitForGone(/Cannot undo/);
    expect(role()).toBe('developer');
    s.keys('C-c');
    await s.waitFor(/EXIT=0/);
  }, 60_000);
});
