import { describe, it, expect } from 'vitest';
import { OfflineQueueRepository } from '../../../db/repositories/offline-queue.js';
import { NotFoundError } from '../../../db/errors.js';
import { freshDatabase } from '../../helpers/temp-db.js';

const inMinutes = (m: number): string => new Date(Date.now() + m * 60_000).toISOString();

describe('OfflineQueueRepository', () => {
  it('enqueues undelivered messages with ISO times', () => {
    const { db } = freshDatabase();
    const m = new OfflineQueueRepository(db).enqueue({ agentId: 'a1', messageType: 'task:submit', payload: '{"taskId":"t"}', expiresAt: inMinutes(60) });
    expect(typeof m.id).toBe('number');
    expect(m).toMatchObject({ delivered: false, deliveredAt: null, payload: '{"taskId":"t"}' });
    expect(m.createdAt).toMatch(/Z$/);
  });

  it('findPendingByAgentId skips delivered, expired and other agents, in queue order', () => {
    const { db } = freshDatabase();
    const repo = new OfflineQueueRepository(db);
    const first = repo.enqueue({ agentId: 'a1', messageType: 'm1', payload: '{}', expiresAt: inMinutes(60), createdAt: '2026-01-01T00:00:00.000Z' });
    const second = repo.enqueue({ agentId: 'a1', messageType: 'm2', payload: '{}', expiresAt: inMinutes(60), createdAt: '2026-01-02T00:00:00.000Z' });
    repo.enqueue({ agentId: 'a1', messageType: 'expired', payload: '{}', expiresAt: inMinutes(-1) });
    repo.enqueue({ agentId: 'a2', messageType: 'other', payload: '{}', expiresAt: inMinutes(60) });
    const delivered = repo.enqueue({ agentId: 'a1', messageType: 'done', payload: '{}', expiresAt: inMinutes(60) });
    repo.markDelivered(delivered.id);
    expect(repo.findPendingByAgentId('a1').map((m) => m.id)).toEqual([first.id, second.id]);
  });

  it('markDelivered sets delivered and delivered_at; unknown ids are NotFoundError', () => {
    const { db, sqlite } = freshDatabase();
    const repo = new OfflineQueueRepository(db);
    const m = repo.enqueue({ agentId: 'a1', messageType: 'm', payload: '{}', expiresAt: inMinutes(5) });
    const d = repo.markDelivered(m.id);
    expect(d.delivered).toBe(true);
    expect(d.deliveredAt).toMatch(/Z$/);
    expect(sqlite.prepare('SELECT delivered FROM offline_queue WHERE id = ?').pluck().get(m.id)).toBe(1);
    expect(() => repo.markDelivered(99_999)).toThrow(NotFoundError);
  });

  it('cleanExpired deletes only expired messages and returns the count', () => {
    const { db } = freshDatabase();
    const repo = new OfflineQueueRepository(db);
    repo.enqueue({ agentId: 'a1', messageType: 'old1', payload: '{}', expiresAt: inMinutes(-10) });
    repo.enqueue({ agentId: 'a1', messageType: 'old2', payload: '{}', expiresAt: inMinutes(-1) });
    const live = repo.enqueue({ agentId: 'a1', messageType: 'live', payload: '{}', expiresAt: inMinutes(10) });
    expect(repo.cleanExpired()).toBe(2);
    expect(repo.cleanExpired()).toBe(0);
    expect(repo.findPendingByAgentId('a1').map((m) => m.id)).toEqual([live.id]);
  });
});
