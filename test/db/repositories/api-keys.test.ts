import { describe, it, expect } from 'vitest';
import { ApiKeyRepository, apiKeyState, maskApiKey } from '../../../db/repositories/api-keys.js';
import { ConflictError, NotFoundError } from '../../../db/errors.js';
import { freshDatabase } from '../../helpers/temp-db.js';

const secondsFromNow = (s: number): Date => new Date(Date.now() + s * 1000);

describe('ApiKeyRepository: create and find', () => {
  it('creates an ak_ id and a bm_ + 64 hex key, times stored as INTEGER Unix seconds', () => {
    const { db, sqlite } = freshDatabase();
    const expires = new Date('2030-05-01T12:00:00.000Z');
    const before = Math.floor(Date.now() / 1000);
    const row = new ApiKeyRepository(db).create({ agentId: 'agent-1', expiresAt: expires });
    expect(row.id).toMatch(/^ak_[A-Za-z0-9_-]{21}$/);
    expect(row.key).toMatch(/^bm_[0-9a-f]{64}$/);
    const raw = sqlite.prepare('SELECT created_at, expires_at, last_used_at, revoked, typeof(created_at) AS t FROM api_keys WHERE id = ?').get(row.id) as Record<string, unknown>;
    expect(raw.t).toBe('integer');
    expect(raw.expires_at).toBe(Math.floor(expires.getTime() / 1000));
    expect(raw.created_at as number).toBeGreaterThanOrEqual(before);
    expect(raw.created_at as number).toBeLessThan(before + 60);
    expect(raw).toMatchObject({ last_used_at: null, revoked: 0 });
    expect(row.expiresAt).toEqual(expires);
    expect(row.createdAt).toBeInstanceOf(Date);
  });

  it('gives every key a different value', () => {
    const { db } = freshDatabase();
    const repo = new ApiKeyRepository(db);
    expect(repo.create({ agentId: 'a' }).key).not.toBe(repo.create({ agentId: 'a' }).key);
  });

  it('finds by id, key and agent', () => {
    const { db } = freshDatabase();
    const repo = new ApiKeyRepository(db);
    const a = repo.create({ agentId: 'agent-1' });
    const b = repo.create({ agentId: 'agent-1' });
    repo.create({ agentId: 'agent-2' });
    expect(repo.findById(a.id)).toEqual(a);
    expect(repo.findById('ak_none')).toBeUndefined();
    expect(repo.findByKey(b.key)?.id).toBe(b.id);
    expect(repo.findByKey('bm_nope')).toBeUndefined();
    expect(
      repo
        .findByAgentId('agent-1')
        .map((k) => k.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
  });
});

describe('ApiKeyRepository: changes', () => {
  it('updateLastUsed (by the key, as the service calls it) writes seconds; revoke sets revoked 1; unknown ids are NotFoundError', () => {
    const { db, sqlite } = freshDatabase();
    const repo = new ApiKeyRepository(db);
    const k = repo.create({ agentId: 'a' });
    const used = repo.updateLastUsed(k.key);
    expect(used?.id).toBe(k.id);
    expect(used?.lastUsedAt).toBeInstanceOf(Date);
    expect(sqlite.prepare('SELECT typeof(last_used_at) FROM api_keys WHERE id = ?').pluck().get(k.id)).toBe('integer');
    expect(repo.revoke(k.id).revoked).toBe(true);
    expect(sqlite.prepare('SELECT revoked FROM api_keys WHERE id = ?').pluck().get(k.id)).toBe(1);
    expect(() => repo.revoke('ak_none')).toThrow(NotFoundError);
    // the service's updateLastUsed changes nothing for a key it does not hold, and does not throw
    expect(repo.updateLastUsed('bm_none')).toBeUndefined();
    expect(repo.updateLastUsed(k.id)).toBeUndefined();
  });

  it('create stores a supplied id, key, createdAt, lastUsedAt and revoked (importing a key that exists)', () => {
    const { db, sqlite } = freshDatabase();
    const repo = new ApiKeyRepository(db);
    const key = 'bm_' + 'ab'.repeat(32);
    const createdAt = new Date('2026-01-02T03:04:05.000Z');
    const row = repo.create({ id: 'ak_imported', key, agentId: 'agent-9', createdAt, expiresAt: null, revoked: false });
    expect(row).toMatchObject({ id: 'ak_imported', key, agentId: 'agent-9', createdAt, revoked: false });
    expect(sqlite.prepare('SELECT id, key, created_at FROM api_keys').get()).toEqual({ id: 'ak_imported', key, created_at: createdAt.getTime() / 1000 });
    expect(() => repo.create({ id: 'ak_other', key, agentId: 'x' })).toThrow(ConflictError);
    // @ts-expect-error not a field of api_keys
    expect(() => repo.create({ agentId: 'x', name: 'n' })).toThrow(/unknown option "name"/);
  });
});

describe('valid, expired and revoked keys', () => {
  function threeKinds() {
    const conn = freshDatabase();
    const repo = new ApiKeyRepository(conn.db);
    const forever = repo.create({ agentId: 'a' });
    const future = repo.create({ agentId: 'a', expiresAt: secondsFromNow(3600) });
    const expired = repo.create({ agentId: 'a', expiresAt: secondsFromNow(-3600) });
    const revoked = repo.create({ agentId: 'a', expiresAt: secondsFromNow(3600) });
    repo.revoke(revoked.id);
    return { repo, forever, future, expired, revoked: repo.findById(revoked.id)! };
  }

  it('findActive returns the unrevoked keys without expiry or expiring later', () => {
    const { repo, forever, future } = threeKinds();
    expect(
      repo
        .findActive()
        .map((k) => k.id)
        .sort(),
    ).toEqual([forever.id, future.id].sort());
  });

  it('apiKeyState names each state', () => {
    const { forever, future, expired, revoked } = threeKinds();
    expect([forever, future, expired, revoked].map((k) => apiKeyState(k))).toEqual(['active', 'active', 'expired', 'revoked']);
    expect(apiKeyState(future, secondsFromNow(7200))).toBe('expired');
  });

  it('cleanup hard-deletes revoked and expired keys and returns the count', () => {
    const { repo, forever, future } = threeKinds();
    expect(repo.cleanup()).toBe(2);
    expect(repo.cleanup()).toBe(0);
    expect(
      repo
        .findByAgentId('a')
        .map((k) => k.id)
        .sort(),
    ).toEqual([forever.id, future.id].sort());
  });
});

describe('masking a key', () => {
  it('shows bm_ and four characters, an ellipsis and the last two', () => {
    expect(maskApiKey(`bm_3f9a${'0'.repeat(58)}c2`)).toBe('bm_3f9a…c2');
  });
  it('shows nothing of a key too short to mask safely, and masks keys without the prefix', () => {
    expect(maskApiKey('bm_abc')).toBe('bm_…');
    expect(maskApiKey('sk-abcdef1234567890')).toBe('sk-a…90');
  });
});
