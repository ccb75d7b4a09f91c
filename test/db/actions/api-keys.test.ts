import { describe, it, expect } from 'vitest';
import { revokeApiKey, generateApiKey, cleanupApiKeys, API_KEY_ENV_WARNING } from '../../../db/actions/api-keys.js';
import { ApiKeyRepository, maskApiKey } from '../../../db/repositories/api-keys.js';
import { ConflictError, PermissionError, ValidationError } from '../../../db/errors.js';
import { freshDatabase } from '../../helpers/temp-db.js';
import { auditRows, changes, operator, service, snapshot } from './harness.js';

const hoursFromNow = (h: number): Date => new Date(Date.now() + h * 3_600_000);

function keys() {
  const conn = freshDatabase();
  const repo = new ApiKeyRepository(conn.db);
  const live = repo.create({ agentId: 'agent-1' });
  const spare = repo.create({ agentId: 'agent-2', expiresAt: hoursFromNow(5) });
  return { conn, repo, live, spare };
}

describe('revoking a key', () => {
  it('sets revoked on that key only and writes api-key:revoked with the masked key', () => {
    const { conn, live } = keys();
    const before = snapshot(conn.sqlite);
    const row = revokeApiKey(conn.db, operator(), live.id);
    expect(row.revoked).toBe(true);
    expect(changes(before, snapshot(conn.sqlite))).toEqual({ api_keys: 1, audit_logs: 1 });
    const [a] = auditRows(conn.sqlite);
    expect(a).toMatchObject({ action: 'api-key:revoked', user_id: 'U_ADMIN', resource_type: 'api_key', resource_id: live.id });
    expect(JSON.parse(a!.metadata)).toMatchObject({ before: { revoked: false }, after: { revoked: true }, agentId: 'agent-1', key: maskApiKey(live.key) });
    expect(a!.metadata).not.toContain(live.key);
  });

  it('is a conflict when already revoked, or purged by the service in the meantime', () => {
    const { conn, live, spare } = keys();
    revokeApiKey(conn.db, operator(), live.id);
    expect(() => revokeApiKey(conn.db, operator(), live.id)).toThrow(/already revoked/);
    service(conn).prepare('DELETE FROM api_keys WHERE id = ?').run(spare.id);
    expect(() => revokeApiKey(conn.db, operator(), spare.id)).toThrow(ConflictError);
    expect(() => revokeApiKey(conn.db, operator(), spare.id)).toThrow(/no longer exists/);
    expect(auditRows(conn.sqlite)).toHaveLength(1);
  });

  it('has a warning about keys from the environment to show the operator', () => {
    expect(API_KEY_ENV_WARNING).toMatch(/environment variable.*not stopped/);
  });
});

describe('generating a key', () => {
  it('returns the plaintext once and audits only the masked key', () => {
    const { conn } = keys();
    const expires = hoursFromNow(24);
    const before = snapshot(conn.sqlite);
    const { row, key } = generateApiKey(conn.db, operator({ id: 'U_OPS' }), 'agent-9', expires);
    expect(key).toMatch(/^bm_[0-9a-f]{64}$/);
    expect(row).toMatchObject({ agentId: 'agent-9', key, revoked: false });
    expect(row.expiresAt?.getTime()).toBe(Math.floor(expires.getTime() / 1000) * 1000);
    expect(changes(before, snapshot(conn.sqlite))).toEqual({ api_keys: 1, audit_logs: 1 });
    const [a] = auditRows(conn.sqlite);
    expect(a).toMatchObject({ action: 'api-key:generated', user_id: 'U_OPS', resource_type: 'api_key', resource_id: row.id });
    expect(JSON.parse(a!.metadata)).toMatchObject({ agentId: 'agent-9', key: maskApiKey(key) });
    expect(a!.metadata).not.toContain(key.slice(3));
  });

  it('refuses an empty agent or an expiry in the past', () => {
    const { conn } = keys();
    expect(() => generateApiKey(conn.db, operator(), '  ')).toThrow(ValidationError);
    expect(() => generateApiKey(conn.db, operator(), 'a', hoursFromNow(-1))).toThrow(/in the future/);
    expect(auditRows(conn.sqlite)).toEqual([]);
  });
});

describe('cleaning up keys', () => {
  it('deletes revoked and expired keys, returns the count and audits it', () => {
    const { conn, repo, live, spare } = keys();
    const expired = repo.create({ agentId: 'agent-3', expiresAt: hoursFromNow(-2) });
    repo.revoke(spare.id);
    expect(cleanupApiKeys(conn.db, operator())).toBe(2);
    expect(repo.findById(expired.id)).toBeUndefined();
    expect(repo.findById(live.id)).toBeDefined();
    const [a] = auditRows(conn.sqlite);
    expect(a).toMatchObject({ action: 'api-key:cleanup', user_id: 'U_ADMIN', resource_type: 'api_key', resource_id: null });
    expect(JSON.parse(a!.metadata)).toEqual({ count: 2 });
  });
});

describe('who may manage keys', () => {
  it.each([
    ['a developer', operator({ role: 'developer' }), /only an admin/],
    ['a viewer', operator({ role: 'viewer' }), /viewer/],
    ['an inactive admin', operator({ active: false }), /inactive/],
    ['a read-only console', operator({ readOnly: true }), /read-only/],
  ])('refuses %s every key action and changes nothing', (_who, op, why) => {
    const { conn, live } = keys();
    const before = snapshot(conn.sqlite);
    expect(() => revokeApiKey(conn.db, op, live.id)).toThrow(why);
    expect(() => generateApiKey(conn.db, op, 'agent-1')).toThrow(PermissionError);
    expect(() => cleanupApiKeys(conn.db, op)).toThrow(PermissionError);
    expect(changes(before, snapshot(conn.sqlite))).toEqual({});
  });
});
