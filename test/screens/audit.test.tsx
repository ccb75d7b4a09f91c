import { describe, it, expect, afterEach } from 'vitest';
import type Database from 'better-sqlite3';
import { freshDatabase } from '../helpers/temp-db.js';
import { minutesAgo } from '../helpers/seed.js';
import { startConsole, KEYS } from '../app/driver.js';
import type { Connection } from '../../db/connection.js';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

const selectedLine = (f: string): string => f.split('\n').find((l) => l.startsWith('> ')) ?? '';

function log(sqlite: Database.Database, action: string, o: { user?: string | null; type?: string; id?: string | null; metadata?: string; at?: string } = {}): void {
  sqlite
    .prepare('INSERT INTO audit_logs (action, user_id, resource_type, resource_id, metadata, timestamp) VALUES (?, ?, ?, ?, ?, ?)')
    .run(action, o.user === undefined ? 'U_OPS' : o.user, o.type ?? 'task', o.id ?? null, o.metadata ?? '{}', o.at ?? minutesAgo(0));
}

async function auditScreen(conn: Connection, o: Parameters<typeof startConsole>[1] = {}) {
  const c = await startConsole(conn, { initialScreen: 'audit', columns: 120, ...o });
  stop = c.unmount;
  await c.waitFor((f) => f.includes(' of ') || f.includes('No audit entries'));
  return c;
}

describe('audit log list', () => {
  it('shows the newest entry first and pages to the oldest', async () => {
    const conn = freshDatabase();
    conn.sqlite.transaction(() => {
      for (let i = 0; i < 60; i++) log(conn.sqlite, `event:${String(i).padStart(2, '0')}`, { id: `task_${i}`, at: minutesAgo(60 - i) });
    })();
    const c = await auditScreen(conn, { rows: 30 });
    let f = await c.waitFor('1-24 of 60');
    expect(selectedLine(f)).toContain('event:59');
    f = await c.press('G', '37-60 of 60');
    expect(selectedLine(f)).toContain('event:00');
    f = await c.press('g', '1-24 of 60');
    expect(selectedLine(f)).toContain('event:59');
  });

  it('says so when there is nothing', async () => {
    const c = await auditScreen(freshDatabase());
    expect(c.frame()).toContain('No audit entries in this database.');
  });

  it('filters by action or its start, user, resource type and resource id', async () => {
    const conn = freshDatabase();
    log(conn.sqlite, 'task:cancelled', { id: 'task_1', user: 'U_ANN' });
    log(conn.sqlite, 'api-key:revoked', { type: 'api_key', id: 'ak_1' });
    log(conn.sqlite, 'api-key:cleanup', { type: 'api_key' });
    log(conn.sqlite, 'user:role-changed', { type: 'user', id: 'user_9', user: 'U_ANN' });
    const c = await auditScreen(conn);
    const filter = async (text: string): Promise<string> => {
      await c.press('/');
      await c.tap('\u0015'); // Ctrl-u clears the line
      await c.type(text);
      return c.press(KEYS.enter, `filter ${text}`);
    };
    let f = await filter('action:api-key');
    expect(f).toContain('1-2 of 2');
    expect(f).not.toContain('task:cancelled');
    f = await filter('user:U_ANN');
    expect(f).toContain('task:cancelled');
    expect(f).toContain('user:role-changed');
    expect(f).not.toContain('api-key');
    f = await filter('type:user');
    expect(f).toContain('1-1 of 1');
    f = await filter('type:api_key resource:ak_1');
    expect(f).toContain('api-key:revoked');
    expect(f).toContain('1-1 of 1');
    f = await filter('action:nothing-like-it');
    expect(f).toContain('nothing matches action:nothing-like-it');
  });
});

describe('an audit entry', () => {
  it('shows the metadata as formatted JSON; Esc goes back to the same row', async () => {
    const conn = freshDatabase();
    log(conn.sqlite, 'user:role-changed', { type: 'user', id: 'user_9', metadata: '{"before":{"role":"developer"},"after":{"role":"admin"}}' });
    log(conn.sqlite, 'later', {});
    const c = await auditScreen(conn);
    await c.press('j');
    const f = await c.press(KEYS.enter, '"role": "developer"'); // spaced: the formatted JSON, not the list's preview
    const lines = f.split('\n');
    const at = lines.findIndex((l) => l.includes('metadata'));
    // the text column starts after the cursor mark (2) and the label column (10)
    expect(
      lines.slice(at, at + 8).map((l) =>
        l
          .slice(12)
          .replace(/\u00a0/g, ' ')
          .trimEnd(),
      ),
    ).toEqual(['{', '  "before": {', '    "role": "developer"', '  },', '  "after": {', '    "role": "admin"', '  }', '}']);
    expect(f).toContain('user user_9');
    expect(f.split('\n')[1]).toMatch(/Audit log › Audit #1/);
    const back = await c.press(KEYS.esc, '/ to filter');
    expect(selectedLine(back)).toContain('user:role-changed');
  });

  it('shows malformed metadata raw, and hostile text inert', async () => {
    const conn = freshDatabase();
    log(conn.sqlite, 'evil\u001b[2Jaction', { metadata: '{"a": 1,, \u001b]0;pwned\u0007}' });
    const c = await auditScreen(conn);
    expect(c.ink.lastFrame()).not.toContain('\u001b[2J');
    const f = await c.press(KEYS.enter, 'not JSON, shown raw');
    expect(f).toContain('{"a": 1,,');
    expect(c.ink.lastFrame()).not.toContain('\u001b]0;');
    expect(f).not.toContain('pwned\u0007');
  });

  it('shows the audit rows the console itself writes, with the operator; Enter on a key opens its trail', async () => {
    const conn = freshDatabase();
    conn.sqlite.prepare("INSERT INTO api_keys (id, key, agent_id, created_at, revoked) VALUES ('ak_x', ?, 'builder', 1, 0)").run(`bm_${'c'.repeat(64)}`);
    const c = await startConsole(conn, { initialScreen: 'api-keys', columns: 120 });
    stop = c.unmount;
    await c.waitFor('1-1 of 1');
    await c.press('x', 'Revoke this API key?');
    await c.press('y', 'audited');
    conn.sqlite.prepare("INSERT INTO audit_logs (action, resource_type, resource_id, metadata, timestamp) VALUES ('api-key:revoked', 'api_key', 'ak_other', '{}', ?)").run(minutesAgo(0));
    let f = await c.press(KEYS.enter, 'filter type:api_key resource:ak_x'); // Enter on a key: its audit trail
    expect(selectedLine(f)).toMatch(/api-key:revoked\s+U_ADMIN\s+api_key\s+ak_x/);
    expect(f).toContain('1-1 of 1');
    f = await c.press('8', 'ak_other');
    expect(f).toContain('1-2 of 2');
    expect(f).not.toContain('c'.repeat(20));
  });
});
