import { describe, it, expect } from 'vitest';
import { OfflineQueueRepository } from '../../../db/repositories/offline-queue.js';
import { openDatabase } from '../../../db/connection.js';
import { createServiceDatabase } from '../../fixtures/service-ddl.js';
import { freshDatabase, tempDbPath } from '../../helpers/temp-db.js';

const inMinutes = (m: number): string => new Date(Date.now() + m * 60_000).toISOString();

/** Issue 16: the service's cleanExpired deletes `delivered = 0 AND expires_at <= now`, never a delivered row. */
describe('OfflineQueueRepository.cleanExpired, as the service cleans', () => {
  it.each([
    ['the console schema', () => freshDatabase()],
    [
      'a file of the first service age',
      () => {
        const path = tempDbPath('queue-age-1.db');
        createServiceDatabase(path, 1).close();
        return openDatabase({ path });
      },
    ],
  ])('on %s deletes only undelivered expired rows; delivered ones stay, expired or not', (_label, open) => {
    const conn = open();
    try {
      const repo = new OfflineQueueRepository(conn.db);
      const gone = repo.enqueue({ agentId: 'a1', messageType: 'task:submit', payload: '{}', expiresAt: inMinutes(-5) });
      const deliveredExpired = repo.enqueue({ agentId: 'a1', messageType: 'task:submit', payload: '{}', expiresAt: inMinutes(-5) });
      repo.markDelivered(deliveredExpired.id);
      const live = repo.enqueue({ agentId: 'a1', messageType: 'task:cancel', payload: '{}', expiresAt: inMinutes(5) });
      expect(repo.cleanExpired()).toBe(1);
      const left = conn.sqlite.prepare('SELECT id FROM offline_queue ORDER BY id').pluck().all();
      expect(left).toEqual([deliveredExpired.id, live.id]);
      expect(left).not.toContain(gone.id);
    } finally {
      conn.close();
    }
  });
});
