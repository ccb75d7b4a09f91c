import { describe, it, expect, afterEach } from 'vitest';
import Database from 'better-sqlite3';
import { freshDatabase } from '../helpers/temp-db.js';
import { serviceFile } from '../fixtures/service-file.js';
import { openDatabase } from '../../db/connection.js';
import { startConsole, strip, KEYS, adminOperator } from '../app/driver.js';
import type { Connection } from '../../db/connection.js';
import type { Operator } from '../../db/operator.js';
import type { ApiKeyListItem } from '../../db/views/api-keys.js';
import { apiKeyColumns } from '../../screens/api-keys/api-key-list.js';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

const CTRL_U = '\u0015';
const DAY = 86_400;
const now = (): number => Math.floor(Date.now() / 1000);
const selectedLine = (f: string): string => f.split('\n').find((l) => l.startsWith('> ')) ?? '';
const audit = (conn: Connection) => conn.sqlite.prepare('SELECT action, user_id, resource_type, resource_id, metadata FROM audit_logs ORDER BY id').all() as Record<string, string>[];
const keyRows = (conn: Connection) =>
  conn.sqlite.prepare('SELECT id, key, agent_id, revoked, expires_at FROM api_keys ORDER BY id').all() as { id: string; key: string; agent_id: string; revoked: number; expires_at: number | null }[];

function insertKey(conn: Connection, id: string, o: { agent?: string; created: number; expires?: number | null; revoked?: boolean; lastUsed?: number | null }): string {
  const key = `bm_${(id.replace(/\W/g, '') + 'a1b2c3d4e5f6').repeat(8).slice(0, 64)}`;
  conn.sqlite
    .prepare('INSERT INTO api_keys (id, key, agent_id, created_at, expires_at, last_used_at, revoked) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(id, key, o.agent ?? 'agent-1', o.created, o.expires ?? null, o.lastUsed ?? null, o.revoked ? 1 : 0);
  return key;
}

/** Four keys, newest first: active (3 days left, used 2 h ago), expired, revoked, active without expiry. */
function keyring(): { conn: Connection; keys: string[] } {
  const conn = freshDatabase();
  const t = now();
  const keys = [
    insertKey(conn, 'ak_live', { agent: 'builder', created: t - 100, expires: t + 3 * DAY + 600, lastUsed: t - 2 * 3600 - 60 }),
    insertKey(conn, 'ak_old', { agent: 'tester', created: t - 200, expires: t - 2 * 3600 - 60 }),
    insertKey(conn, 'ak_dead', { agent: 'tester', created: t - 300, revoked: true }),
    insertKey(conn, 'ak_forever', { agent: 'deployer', created: t - 400 }),
  ];
  return { conn, keys };
}

const known = (slack: string, role: Operator['role']): Operator => ({ id: slack, role, known: true, active: true, readOnly: false });

async function keysScreen(conn: Connection, o: Parameters<typeof startConsole>[1] = {}) {
  const c = await startConsole(conn, { initialScreen: 'api-keys', columns: 120, ...o });
  stop = c.unmount;
  await c.waitFor((f) => f.includes(' of ') || f.includes('No API keys'));
  return c;
}

/** Every frame drawn so far, colours stripped. */
const allFrames = (c: Awaited<ReturnType<typeof keysScreen>>): string[] => c.ink.frames.map((f) => strip(f));

describe('API keys list', () => {
  it('shows agent, coloured state, created, last used, expiry absolute and relative, and never a whole key', async () => {
    const { conn, keys } = keyring();
    const c = await keysScreen(conn);
    const f = await c.waitFor('1-4 of 4');
    const line = (agent: string, state: string) => f.split('\n').find((l) => l.includes(agent) && l.includes(state)) ?? '';
    expect(line('builder', 'active')).toMatch(/bm_ak_l…\w{2}\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+2 h ago\s+\d{4}-\d\d-\d\d \d\d:\d\d \(in 3 d\)/);
    expect(line('tester', 'expired')).toMatch(/never\s+\d{4}-\d\d-\d\d \d\d:\d\d \(2 h ago\)/);
    expect(line('tester', 'revoked')).toContain('bm_ak_d…');
    expect(line('deployer', 'active')).toMatch(/never\s+never/);
    for (const frame of allFrames(c)) for (const k of keys) expect(frame).not.toContain(k);
    const tone = (state: ApiKeyListItem['state']) => apiKeyColumns(120).find((col) => col.header === 'State')!.tone!({ state } as ApiKeyListItem);
    expect([tone('active'), tone('expired'), tone('revoked')]).toEqual(['info', 'danger', 'danger']);
  });

  it('filters by state and agent', async () => {
    const { conn } = keyring();
    const c = await keysScreen(conn);
    await c.press('/');
    await c.type('state:active');
    let f = await c.press(KEYS.enter, 'filter state:active');
    expect(f).toContain('1-2 of 2');
    expect(f).not.toContain('tester');
    await c.press('/');
    await c.press(CTRL_U);
    await c.type('agent:tester state:expired');
    f = await c.press(KEYS.enter, 'filter agent:tester state:expired');
    expect(f).toContain('1-1 of 1');
    expect(f).toContain('expired');
  });
});

describe('revoking a key', () => {
  it('asks with No first and the environment warning; y revokes that key only, audits it, and the row shows revoked', async () => {
    const { conn } = keyring();
    const before = keyRows(conn);
    const c = await keysScreen(conn);
    let f = await c.press('x', 'Revoke this API key?');
    expect(f).toMatch(/> No \(n\)/);
    expect(f.replace(/[│\s]+/g, ' ')).toContain("holding a key from the service's environment variable are not stopped");
    f = await c.press('y', 'audited as api-key:revoked');
    expect(selectedLine(f)).toMatch(/builder\s+revoked/);
    const after = keyRows(conn);
    expect(after.find((k) => k.id === 'ak_live')?.revoked).toBe(1);
    expect(after.filter((k) => k.id !== 'ak_live')).toEqual(before.filter((k) => k.id !== 'ak_live'));
    const rows = audit(conn);
    expect(rows).toEqual([expect.objectContaining({ action: 'api-key:revoked', user_id: 'U_ADMIN', resource_type: 'api_key', resource_id: 'ak_live' })]);
    expect(rows[0]!.metadata).not.toContain(before[0]!.key.slice(10));
  });

  it('n and Esc leave the key alone; a revoked key is said to be revoked already', async () => {
    const { conn } = keyring();
    const c = await keysScreen(conn);
    for (const key of ['n', KEYS.esc]) {
      await c.press('x', 'Revoke this API key?');
      await c.press(key, 'x revoke');
    }
    await c.press('j');
    await c.press('j');
    await c.press('x', 'already revoked');
    expect(
      keyRows(conn)
        .filter((k) => k.revoked)
        .map((k) => k.id),
    ).toEqual(['ak_dead']);
    expect(audit(conn)).toEqual([]);
  });

  it('shows a conflict in one line when the service purged the key between showing and confirming', async () => {
    const { conn } = keyring();
    const c = await keysScreen(conn);
    await c.press('x', 'Revoke this API key?');
    const other = new Database(conn.path);
    other.prepare("DELETE FROM api_keys WHERE id = 'ak_live'").run();
    other.close();
    const f = await c.press('y', 'Not revoked');
    expect(f).toContain('no longer exists');
    expect(keyRows(conn)).toHaveLength(3);
    expect(audit(conn)).toEqual([]);
  });
});

describe('failures', () => {
  it('a database locked by the service shows in one line and leaves the key and the audit log as they were', async () => {
    const { conn } = keyring();
    conn.sqlite.pragma('busy_timeout = 50'); // the 5 s wait, made short for the test
    const c = await keysScreen(conn);
    await c.press('x', 'Revoke this API key?');
    const service = new Database(conn.path);
    service.exec('BEGIN IMMEDIATE');
    try {
      const f = await c.press('y', 'Not revoked');
      expect(f).toContain('locked by another process');
    } finally {
      service.exec('ROLLBACK');
      service.close();
    }
    expect(
      keyRows(conn)
        .filter((k) => k.revoked)
        .map((k) => k.id),
    ).toEqual(['ak_dead']);
    expect(audit(conn)).toEqual([]);
  });

  it('a file from before api_keys existed shows no keys, and issuing one names migrate', async () => {
    const conn = openDatabase({ path: serviceFile(1) });
    try {
      const c = await keysScreen(conn);
      expect(c.frame()).toContain('No API keys in this database.');
      await c.press('C', 'No revoked or expired keys');
      await c.press('n', 'Issue a new API key');
      await c.type('agent-1');
      await c.press(KEYS.enter, 'Expires in days');
      const f = await c.press(KEYS.enter, 'No key issued');
      expect(f).toContain('migrate');
      c.unmount();
    } finally {
      conn.close();
    }
  });
});

describe('cleaning up keys', () => {
  it('deletes revoked and expired keys only after the word is typed, and says how many went', async () => {
    const { conn } = keyring();
    const c = await keysScreen(conn);
    let f = await c.press('C', 'Type cleanup to confirm');
    expect(f).toContain('1 revoked key and 1 expired key');
    await c.type('clean');
    f = await c.press(KEYS.enter, 'That is not "cleanup"');
    expect(keyRows(conn)).toHaveLength(4);
    await c.type('up');
    f = await c.press(KEYS.enter, 'Cleaned up 2 keys');
    expect(keyRows(conn).map((k) => k.id)).toEqual(['ak_forever', 'ak_live']);
    expect(f).toContain('1-2 of 2');
    const rows = audit(conn);
    expect(rows).toEqual([expect.objectContaining({ action: 'api-key:cleanup', user_id: 'U_ADMIN', resource_type: 'api_key' })]);
    expect(JSON.parse(rows[0]!.metadata)).toEqual({ count: 2 });
    await c.press('C', 'No revoked or expired keys to clean up');
  });

  it('the word and its Enter typed in one read confirm; a new key: Ctrl-u, agent, Enter, days and Enter in one read issue it', async () => {
    const { conn } = keyring();
    const c = await keysScreen(conn);
    await c.press('C', 'Type cleanup to confirm');
    c.ink.stdin.write('cleanup\r');
    await c.waitFor('Cleaned up 2 keys');
    expect(keyRows(conn).map((k) => k.id)).toEqual(['ak_forever', 'ak_live']);
    await c.press('n', 'Issue a new API key');
    c.ink.stdin.write('\u0015agent-q1\r30\r'); // Ctrl-u clears the agent it offers
    await c.waitFor('New API key for agent-q1 (expires');
  });

  it('Esc cancels the typed confirmation with nothing deleted', async () => {
    const { conn } = keyring();
    const c = await keysScreen(conn);
    await c.press('C', 'Type cleanup');
    await c.type('cleanup');
    await c.press(KEYS.esc, 'C cleanup');
    expect(keyRows(conn)).toHaveLength(4);
    expect(audit(conn)).toEqual([]);
  });
});

describe('issuing a key', () => {
  it('an agent id offered from a hostile row is shown inert in the field being typed, and edited as stored', async () => {
    const conn = freshDatabase();
    insertKey(conn, 'ak_evil', { agent: 'ev\u001b[2Jil', created: now() - 100 });
    const c = await keysScreen(conn);
    await c.waitFor('1-1 of 1');
    await c.press('n', 'Issue a new API key');
    const raw = c.ink.frames.at(-1)!;
    expect(raw).not.toContain('\u001b[2J'); // no frame carries the sequence itself
    expect(c.frame()).toContain('Agent id: ev\\x1b[2Jil_');
    c.ink.stdin.write(`${KEYS.backspace}${KEYS.backspace}IL\r\r`);
    await c.waitFor('New API key for ev\\x1b[2JIL');
    expect(keyRows(conn).map((k) => k.agent_id)).toContain('ev\u001b[2JIL');
  });

  it('asks agent and expiry, shows the whole key once, hides it on the next key for good, and audits only the masked key', async () => {
    const { conn, keys } = keyring();
    const c = await keysScreen(conn);
    let f = await c.press('n', 'Issue a new API key');
    expect(f).toContain('Agent id: builder'); // the selected key's agent, to change or keep
    await c.press(CTRL_U);
    await c.type('agent-9');
    await c.press(KEYS.enter, 'Expires in days');
    await c.type('abc');
    f = await c.press(KEYS.enter, 'days must be a number');
    expect(keyRows(conn)).toHaveLength(4);
    await c.press(CTRL_U);
    await c.type('30');
    f = await c.press(KEYS.enter, 'it will not be shown again');
    const issued = keyRows(conn).find((k) => k.agent_id === 'agent-9')!;
    expect(issued.key).toMatch(/^bm_[0-9a-f]{64}$/);
    expect(f).toContain(issued.key);
    expect(issued.expires_at! - now()).toBeGreaterThan(30 * DAY - 60);
    expect(issued.expires_at! - now()).toBeLessThanOrEqual(30 * DAY);
    const shownAt = c.ink.frames.length;
    f = await c.press('j');
    expect(f).not.toContain(issued.key);
    expect(f).not.toContain('not be shown again');
    expect(keyRows(conn)).toHaveLength(5); // the key that hid the panel did nothing else
    f = await c.press('k');
    expect(f).toContain(`${issued.key.slice(0, 7)}…${issued.key.slice(-2)}`);
    for (const frame of allFrames(c).slice(shownAt)) expect(frame).not.toContain(issued.key);
    for (const frame of allFrames(c)) for (const k of keys) expect(frame).not.toContain(k);
    const rows = audit(conn);
    expect(rows).toEqual([expect.objectContaining({ action: 'api-key:generated', user_id: 'U_ADMIN', resource_type: 'api_key', resource_id: issued.id })]);
    expect(rows[0]!.metadata).not.toContain(issued.key);
    expect(JSON.parse(rows[0]!.metadata)).toMatchObject({ agentId: 'agent-9' });
  });

  it('an empty expiry issues a key that never expires; Esc in the form issues nothing', async () => {
    const conn = freshDatabase();
    const c = await keysScreen(conn);
    await c.press('n', 'Issue a new API key');
    await c.press(KEYS.enter, 'needs an agent id');
    await c.type('solo');
    await c.press(KEYS.esc, 'n new key');
    expect(keyRows(conn)).toEqual([]);
    await c.press('n', 'Issue a new API key');
    await c.type('solo');
    await c.press(KEYS.enter, 'Expires in days');
    const f = await c.press(KEYS.enter, 'never expires');
    expect(f).toContain('New API key for solo');
    expect(keyRows(conn)).toEqual([expect.objectContaining({ agent_id: 'solo', expires_at: null, revoked: 0 })]);
  });
});

describe('who may change keys', () => {
  it('a viewer sees the keys masked, no action keys, and x, C and n say why and change nothing', async () => {
    const { conn } = keyring();
    const c = await keysScreen(conn, { operator: known('U_VIEW', 'viewer') });
    expect(c.frame()).not.toContain('x revoke');
    expect(c.frame()).not.toContain('n new key');
    await c.press('x', 'Cannot revoke');
    await c.press('C', 'Cannot clean up');
    const f = await c.press('n', 'Cannot issue keys');
    expect(f).toContain('is a viewer and can change nothing');
    expect(f).not.toContain('Issue a new API key');
    expect(keyRows(conn)).toHaveLength(4);
    expect(audit(conn)).toEqual([]);
  });

  it('read-only hides the actions; a developer is told only an admin may', async () => {
    const { conn } = keyring();
    const ro = await keysScreen({ ...conn, readOnly: true }, { operator: { ...adminOperator, readOnly: true } });
    expect(ro.frame()).toContain('READ-ONLY');
    expect(ro.frame()).not.toContain('x revoke');
    await ro.press('x', 'read-only');
    ro.unmount();
    const dev = await keysScreen(conn, { operator: known('U_DEV', 'developer') });
    expect(dev.frame()).toContain('Enter history');
    expect(dev.frame()).not.toContain('x revoke');
    await dev.press('x', 'only an admin may revoke API keys');
    expect(keyRows(conn).filter((k) => k.revoked)).toHaveLength(1);
    expect(audit(conn)).toEqual([]);
  });
});
