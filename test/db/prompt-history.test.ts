import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { wrapDatabase } from '../../db/connection.js';
import { NotFoundError, PermissionError, SchemaMismatchError, ValidationError } from '../../db/errors.js';
import { PromptHistoryRepository } from '../../db/repositories/prompt-history.js';
import { decodePrompt } from '../../db/repositories/prompt-history-values.js';
import { cancelPrompt, completePrompt, failPrompt, logPrompt } from '../../db/actions/prompts.js';
import type { Operator } from '../../db/operator.js';
import { applySearchExtras, insertServicePrompt, seedPrompts } from './prompt-history-seed.js';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const admin: Operator = { id: 'U_OPS', role: 'admin', known: false, active: true, readOnly: false };

describe('PromptHistoryRepository: the spec methods', () => {
  it('logs, finds, updates, completes, fails, cancels and deletes', () => {
    const repo = new PromptHistoryRepository(freshDatabase().db);
    const a = repo.log('Add user authentication', { category: 'feature', tags: ['security', 'auth'], context: 'login', relatedFiles: ['src/auth.ts'], estimatedDurationMinutes: 30 });
    expect(a).toMatchObject({ prompt: 'Add user authentication', category: 'feature', tags: '["security","auth"]', relatedFiles: '["src/auth.ts"]', executionStatus: 'pending', estimatedDurationMinutes: 30, completedAt: null });
    expect(a.timestamp).toMatch(ISO);
    expect(repo.findById(a.id)).toEqual(a);
    expect(repo.findById(9999)).toBeUndefined();
    expect(repo.update(a.id, { context: 'oauth' }).context).toBe('oauth');

    const done = repo.complete(a.id, { notes: 'shipped', actualDurationMinutes: 42 });
    expect(done).toMatchObject({ executionStatus: 'completed', executionNotes: 'shipped', actualDurationMinutes: 42 });
    expect(done.completedAt).toMatch(ISO);
    const b = repo.log('Second');
    expect(repo.fail(b.id, 'agent crashed')).toMatchObject({ executionStatus: 'failed', executionNotes: 'agent crashed' });
    const c = repo.create({ prompt: 'Third', timestamp: '2026-01-01T00:00:00.000Z' });
    expect(c).toMatchObject({ tags: '[]', relatedFiles: '[]', executionStatus: 'pending', timestamp: '2026-01-01T00:00:00.000Z' });
    expect(repo.cancel(c.id).executionStatus).toBe('cancelled');

    expect(repo.findRecent().map((r) => r.id)).toEqual([c.id, b.id, a.id]);
    expect(repo.findRecent(2).map((r) => r.id)).toEqual([c.id, b.id]);
    repo.delete(b.id);
    expect(repo.findById(b.id)).toBeUndefined();
    expect(() => repo.delete(b.id)).toThrow(NotFoundError);
    expect(() => repo.update(b.id, { prompt: 'x' })).toThrow(NotFoundError);
  });

  it('lists categories and tags as the service does, and each with its count', () => {
    const repo = new PromptHistoryRepository(freshDatabase().db);
    repo.log('a', { category: 'bugfix', tags: ['api', 'z'] });
    repo.log('b', { category: 'bugfix', tags: ['api'] });
    repo.log('c', { tags: ['db'] });
    expect(repo.getCategories()).toEqual(['bugfix']);
    expect(repo.getTags()).toEqual(['api', 'db', 'z']);
    expect(repo.categoryCounts()).toEqual([{ name: 'bugfix', count: 2 }, { name: null, count: 1 }]);
    expect(repo.tagCounts()).toEqual([{ name: 'api', count: 2 }, { name: 'db', count: 1 }, { name: 'z', count: 1 }]);
    expect(repo.tagCounts({}, 1)).toEqual([{ name: 'api', count: 2 }]);
  });

  it('decodes JSON columns for display, keeping malformed text raw', () => {
    const conn = freshDatabase();
    const id = insertServicePrompt(conn.sqlite, { prompt: 'x', tags: '[oops' });
    const row = new PromptHistoryRepository(conn.db).findById(id)!;
    expect(decodePrompt(row)).toMatchObject({ tags: [], tagsRaw: '[oops', relatedFiles: [] });
    expect(decodePrompt({ ...row, tags: '["a"]' })).not.toHaveProperty('tagsRaw');
  });
});

describe('PromptHistoryRepository: statistics', () => {
  it('match the service\'s numbers and SQL computed here, with or without the search objects', () => {
    const conn = freshDatabase();
    seedPrompts(conn.sqlite);
    const now = new Date('2026-01-14T12:00:00.000Z'); // a Wednesday
    const repo = new PromptHistoryRepository(conn.db);
    for (const migrated of [false, true]) {
      if (migrated) applySearchExtras(conn.sqlite);
      const s = repo.getStats({}, { now });
      const q = (sql: string): unknown => conn.sqlite.prepare(sql).pluck().get();
      expect(s.total).toBe(q('SELECT count(*) FROM prompt_history'));
      for (const k of ['completed', 'pending', 'failed', 'cancelled'] as const) {
        expect(s[k]).toBe(q(`SELECT count(*) FROM prompt_history WHERE execution_status = '${k}'`));
      }
      expect(s.averageDuration).toBeCloseTo(q("SELECT avg(actual_duration_minutes) FROM prompt_history WHERE execution_status = 'completed'") as number);
      expect(s.byCategory.find((c) => c.name === 'bugfix')?.count).toBe(2);
      expect(s.topTags[0]).toEqual({ name: 'api', count: 4 });
      const all = s.durations.at(-1)!;
      expect(all).toMatchObject({ category: null, count: 4 });
      expect(all.estimatedAverage).toBeCloseTo((30 + 60 + 10 + 5) / 4);
      expect(all.actualAverage).toBeCloseTo((45 + 50 + 12 + 5) / 4);
      expect(s.weekly).toHaveLength(12);
      expect(s.weekly.at(-1)).toEqual({ weekStart: '2026-01-12', count: 0 });
      expect(s.weekly.at(-2)).toEqual({ weekStart: '2026-01-05', count: 12 });
      expect(repo.getStats({ status: 'completed', category: 'feature' }, { now })).toMatchObject({ total: 2, completed: 2, averageDuration: 47.5 });
    }
  });
});

describe('PromptHistoryRepository: a file without prompt_history', () => {
  it('reads as empty and refuses writes naming migrate', () => {
    const conn = freshDatabase();
    conn.sqlite.exec('DROP TABLE prompt_history');
    const repo = new PromptHistoryRepository(wrapDatabase(conn.sqlite));
    expect(repo.findAll({ search: 'x', tag: 'y' })).toEqual([]);
    expect(repo.count()).toBe(0);
    expect(repo.tagCounts()).toEqual([]);
    expect(repo.getStats()).toMatchObject({ total: 0, averageDuration: null, byStatus: [] });
    expect(() => repo.log('x')).toThrow(SchemaMismatchError);
    expect(() => repo.log('x')).toThrow(/bematic-console migrate/);
  });
});

describe('prompt actions: one transaction with its audit row', () => {
  const audits = (sqlite: import('better-sqlite3').Database) =>
    sqlite.prepare('SELECT action, user_id AS userId, resource_type AS type, resource_id AS id FROM audit_logs ORDER BY id').all();

  it('log, complete, fail and cancel each write prompt:<event> with the operator', () => {
    const conn = freshDatabase();
    const a = logPrompt(conn.db, admin, 'Fix login', { category: 'bugfix', tags: ['auth'] });
    completePrompt(conn.db, admin, a.id, { notes: 'done', actualDurationMinutes: 5 });
    const b = logPrompt(conn.db, admin, 'Other');
    failPrompt(conn.db, admin, b.id, 'no');
    const c = logPrompt(conn.db, admin, 'Third');
    cancelPrompt(conn.db, admin, c.id);
    expect(audits(conn.sqlite)).toEqual([
      { action: 'prompt:logged', userId: 'U_OPS', type: 'prompt', id: String(a.id) },
      { action: 'prompt:completed', userId: 'U_OPS', type: 'prompt', id: String(a.id) },
      { action: 'prompt:logged', userId: 'U_OPS', type: 'prompt', id: String(b.id) },
      { action: 'prompt:failed', userId: 'U_OPS', type: 'prompt', id: String(b.id) },
      { action: 'prompt:logged', userId: 'U_OPS', type: 'prompt', id: String(c.id) },
      { action: 'prompt:cancelled', userId: 'U_OPS', type: 'prompt', id: String(c.id) },
    ]);
  });

  it('refuse bad input, viewers and repeats, changing nothing', () => {
    const conn = freshDatabase();
    expect(() => logPrompt(conn.db, admin, '   ')).toThrow(ValidationError);
    expect(() => logPrompt(conn.db, admin, 'x', { category: 'chore' })).toThrow(/feature, bugfix, refactor, documentation, research/);
    expect(() => logPrompt(conn.db, { ...admin, role: 'viewer' }, 'x')).toThrow(PermissionError);
    const a = logPrompt(conn.db, admin, 'once');
    cancelPrompt(conn.db, admin, a.id);
    expect(() => cancelPrompt(conn.db, admin, a.id)).toThrow(/already cancelled/);
    expect(() => completePrompt(conn.db, admin, a.id, { actualDurationMinutes: -1 })).toThrow(ValidationError);
    expect(() => failPrompt(conn.db, admin, 999)).toThrow(NotFoundError);
    expect(conn.sqlite.prepare('SELECT count(*) FROM prompt_history').pluck().get()).toBe(1);
    expect(audits(conn.sqlite)).toHaveLength(2);
  });
});
