import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { wrapDatabase } from '../../db/connection.js';
import { ConflictError, NotFoundError, PermissionError, SchemaMismatchError, ValidationError } from '../../db/errors.js';
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
    expect(a).toMatchObject({
      prompt: 'Add user authentication',
      category: 'feature',
      tags: '["security","auth"]',
      relatedFiles: '["src/auth.ts"]',
      executionStatus: 'pending',
      estimatedDurationMinutes: 30,
      completedAt: null,
    });
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
    expect(repo.categoryCounts()).toEqual([
      { name: 'bugfix', count: 2 },
      { name: null, count: 1 },
    ]);
    expect(repo.tagCounts()).toEqual([
      { name: 'api', count: 2 },
      { name: 'db', count: 1 },
      { name: 'z', count: 1 },
    ]);
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
  it("match the service's numbers and SQL computed here, with or without the search objects", () => {
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

describe("PromptHistoryRepository: the service's call shapes", () => {
  it('complete(id, notes, relatedFiles, actualDurationMinutes) stores all three; cancel and fail keep their notes', () => {
    const { db, sqlite } = freshDatabase();
    const repo = new PromptHistoryRepository(db);
    const a = repo.log('Add login', { relatedFiles: ['old.ts'] });
    const done = repo.complete(a.id, 'Added JWT login', ['src/auth.ts', 'src/login.ts'], 45);
    expect(done).toMatchObject({ executionStatus: 'completed', executionNotes: 'Added JWT login', relatedFiles: '["src/auth.ts","src/login.ts"]', actualDurationMinutes: 45 });
    expect(sqlite.prepare('SELECT execution_notes, related_files, actual_duration_minutes FROM prompt_history WHERE id = ?').get(a.id)).toEqual({
      execution_notes: 'Added JWT login',
      related_files: '["src/auth.ts","src/login.ts"]',
      actual_duration_minutes: 45,
    });
    // without files the earlier list stays, as the service leaves it
    const b = repo.log('Other', { relatedFiles: ['kept.ts'] });
    expect(repo.complete(b.id, 'only notes')).toMatchObject({ executionNotes: 'only notes', relatedFiles: '["kept.ts"]', actualDurationMinutes: null });
    expect(repo.complete(b.id, { notes: 'object form', relatedFiles: ['x.ts'], actualDurationMinutes: 3 })).toMatchObject({
      executionNotes: 'object form',
      relatedFiles: '["x.ts"]',
      actualDurationMinutes: 3,
    });
    expect(repo.cancel(repo.log('c').id, 'superseded by #12')).toMatchObject({ executionStatus: 'cancelled', executionNotes: 'superseded by #12' });
    expect(repo.fail(repo.log('f').id, 'agent crashed')).toMatchObject({ executionStatus: 'failed', executionNotes: 'agent crashed' });
  });

  it("findAll takes the service's searchText (literal: '100%' is not a wildcard) and offset", () => {
    const repo = new PromptHistoryRepository(freshDatabase().db);
    const ids = ['raise coverage to 100%', 'coverage 100 files', 'unrelated', 'under_score', 'underscore'].map((p) => repo.log(p).id);
    expect(repo.findAll({ searchText: '100%' }).map((r) => r.prompt)).toEqual(['raise coverage to 100%']);
    expect(repo.findAll({ searchText: 'under_' }).map((r) => r.prompt)).toEqual(['under_score']);
    expect(repo.findAll({ searchText: 'COVERAGE' }).map((r) => r.prompt)).toEqual(['coverage 100 files', 'raise coverage to 100%']);
    expect(repo.findAll({ limit: 2, offset: 0 }).map((r) => r.id)).toEqual([ids[4], ids[3]]);
    expect(repo.findAll({ limit: 2, offset: 2 }).map((r) => r.id)).toEqual([ids[2], ids[1]]);
    expect(repo.findAll({ limit: 2, offset: 4 }).map((r) => r.id)).toEqual([ids[0]]);
    expect(repo.findAll({ offset: 3 }).map((r) => r.id)).toEqual([ids[1], ids[0]]);
    expect(repo.findAll({ searchText: 'coverage', offset: 1 }).map((r) => r.id)).toEqual([ids[0]]);
    expect(repo.findAll({ beforeId: ids[4], offset: 1, limit: 1 }).map((r) => r.id)).toEqual([ids[2]]);
  });

  it('refuses options and fields it does not know, and offsets that are not whole numbers', () => {
    const repo = new PromptHistoryRepository(freshDatabase().db);
    const a = repo.log('x');
    // @ts-expect-error misspelt option
    expect(() => repo.findAll({ serchText: 'x' })).toThrow(/unknown option "serchText"/);
    // @ts-expect-error not an option of log
    expect(() => repo.log('y', { priority: 1 })).toThrow(ValidationError);
    // @ts-expect-error not a field of complete's object form
    expect(() => repo.complete(a.id, { note: 'x' })).toThrow(ValidationError);
    // @ts-expect-error not a column of prompt_history
    expect(() => repo.update(a.id, { updatedAt: 'x' })).toThrow(/no field "updatedAt"/);
    expect(() => repo.findAll({ offset: -1 })).toThrow(ValidationError);
    expect(() => repo.findAll({ offset: 1, afterId: 1 })).toThrow(ValidationError);
    expect(() => repo.create({ prompt: 'z', timestamp: '2026-01-01 10:00:00' })).toThrow(/ISO-8601/);
    expect(repo.findById(a.id)?.executionStatus).toBe('pending');
  });

  it('create keeps a given id (importing rows); a taken id is a ConflictError; findRecent gives 50 by default', () => {
    const repo = new PromptHistoryRepository(freshDatabase().db);
    expect(repo.create({ id: 500, prompt: 'imported' }).id).toBe(500);
    expect(() => repo.create({ id: 500, prompt: 'again' })).toThrow(ConflictError);
    for (let i = 0; i < 60; i++) repo.log(`p${i}`);
    expect(repo.findRecent()).toHaveLength(50);
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
  const audits = (sqlite: import('better-sqlite3').Database) => sqlite.prepare('SELECT action, user_id AS userId, resource_type AS type, resource_id AS id FROM audit_logs ORDER BY id').all();

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
