import { describe, it, expect } from 'vitest';
import { SessionRepository } from '../../../db/repositories/sessions.js';
import { NotFoundError } from '../../../db/errors.js';
import { freshDatabase } from '../../helpers/temp-db.js';
import { seedProject, seedTask } from './seed.js';

describe('SessionRepository', () => {
  it('creates an active session with a sess_ id and finds it by id and by task', () => {
    const { db } = freshDatabase();
    const t = seedTask(db, seedProject(db).id);
    const repo = new SessionRepository(db);
    const s1 = repo.create({ taskId: t.id, agentId: 'agent-1', model: 'claude-sonnet-4-5-20250929' });
    const s2 = repo.create({ taskId: t.id, agentId: 'agent-1', model: 'claude-opus-4' });
    expect(s1.id).toMatch(/^sess_[A-Za-z0-9_-]{21}$/);
    expect(s1).toMatchObject({ status: 'active', inputTokens: 0, durationMs: null, completedAt: null });
    expect(repo.findById(s1.id)).toEqual(s1);
    expect(repo.findById('sess_none')).toBeUndefined();
    expect(
      repo
        .findByTaskId(t.id)
        .map((s) => s.id)
        .sort(),
    ).toEqual([s1.id, s2.id].sort());
    expect(repo.findByTaskId('task_none')).toEqual([]);
  });

  it('complete stores the metrics and completed_at; unknown ids are NotFoundError', () => {
    const { db } = freshDatabase();
    const t = seedTask(db, seedProject(db).id);
    const repo = new SessionRepository(db);
    const s = repo.create({ taskId: t.id, agentId: 'a', model: 'm' });
    const done = repo.complete(s.id, { inputTokens: 10, outputTokens: 20, estimatedCost: 0.01, durationMs: 65_000 });
    expect(done).toMatchObject({ status: 'completed', inputTokens: 10, outputTokens: 20, estimatedCost: 0.01, durationMs: 65_000 });
    expect(done.completedAt).toMatch(/Z$/);
    expect(() => repo.complete('sess_none', { inputTokens: 0, outputTokens: 0, estimatedCost: 0, durationMs: 0 })).toThrow(NotFoundError);
  });
});
