import { describe, it, expect } from 'vitest';
import { TaskRepository } from '../../../db/repositories/tasks.js';
import { NotFoundError } from '../../../db/errors.js';
import { stringArrayOrRaw } from '../../../db/json.js';
import { freshDatabase } from '../../helpers/temp-db.js';
import { seedProject, seedTask } from './seed.js';

describe('TaskRepository: create and find', () => {
  it('creates a pending task with a task_ id, ISO times and JSON defaults', () => {
    const { db } = freshDatabase();
    const p = seedProject(db);
    const t = seedTask(db, p.id);
    expect(t.id).toMatch(/^task_[A-Za-z0-9_-]{21}$/);
    expect(t).toMatchObject({ status: 'pending', filesChanged: '[]', commandsRun: '[]', inputTokens: 0, maxBudget: 5, completedAt: null, parentTaskId: null });
    expect(new TaskRepository(db).findById(t.id)).toEqual(t);
    expect(new TaskRepository(db).findById('task_none')).toBeUndefined();
  });

  it('lists a project newest first, honouring the limit', () => {
    const { db, sqlite } = freshDatabase();
    const p = seedProject(db);
    const other = seedProject(db);
    const ids = [1, 2, 3].map((i) => seedTask(db, p.id, { prompt: `t${i}` }).id);
    seedTask(db, other.id);
    // Distinct times so the order is by created_at, not insertion luck.
    ids.forEach((id, i) => sqlite.prepare('UPDATE tasks SET created_at = ? WHERE id = ?').run(`2026-01-0${i + 1}T00:00:00.000Z`, id));
    const repo = new TaskRepository(db);
    expect(repo.findByProjectId(p.id).map((t) => t.prompt)).toEqual(['t3', 't2', 't1']);
    expect(repo.findByProjectId(p.id, 2).map((t) => t.prompt)).toEqual(['t3', 't2']);
  });

  it('finds by status and the active (pending, queued, running) tasks of a project', () => {
    const { db } = freshDatabase();
    const p = seedProject(db);
    for (const status of ['pending', 'queued', 'running', 'completed', 'failed', 'cancelled']) seedTask(db, p.id, { status, prompt: status });
    const repo = new TaskRepository(db);
    expect(repo.findByStatus('failed').map((t) => t.prompt)).toEqual(['failed']);
    expect(repo.findByStatus('completed', 0)).toEqual([]);
    expect(
      repo
        .findActiveByProjectId(p.id)
        .map((t) => t.status)
        .sort(),
    ).toEqual(['pending', 'queued', 'running']);
  });

  it('finds subtasks by parent_task_id', () => {
    const { db } = freshDatabase();
    const p = seedProject(db);
    const parent = seedTask(db, p.id);
    const a = seedTask(db, p.id, { parentTaskId: parent.id });
    const b = seedTask(db, p.id, { parentTaskId: parent.id });
    expect(
      new TaskRepository(db)
        .findSubtasks(parent.id)
        .map((t) => t.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    expect(new TaskRepository(db).findSubtasks(a.id)).toEqual([]);
  });
});

describe('TaskRepository: changes', () => {
  it('update changes fields and updated_at; unknown ids are NotFoundError', () => {
    const { db } = freshDatabase();
    const t = seedTask(db, seedProject(db).id);
    const repo = new TaskRepository(db);
    const u = repo.update(t.id, { status: 'running', sessionId: 'sess_x' });
    expect(u).toMatchObject({ status: 'running', sessionId: 'sess_x', prompt: t.prompt });
    expect(() => repo.update('task_none', { status: 'running' })).toThrow(NotFoundError);
  });

  it('complete stores result, metrics and JSON lists that read back as arrays', () => {
    const { db, sqlite } = freshDatabase();
    const t = seedTask(db, seedProject(db).id);
    const done = new TaskRepository(db).complete(t.id, 'all good', {
      inputTokens: 1200,
      outputTokens: 340,
      estimatedCost: 0.42,
      filesChanged: ['src/a.ts', 'README "x".md'],
      commandsRun: ['npm test'],
    });
    expect(done).toMatchObject({ status: 'completed', result: 'all good', inputTokens: 1200, outputTokens: 340, estimatedCost: 0.42 });
    expect(done.completedAt).toMatch(/Z$/);
    expect(JSON.parse(done.filesChanged)).toEqual(['src/a.ts', 'README "x".md']);
    const raw = sqlite.prepare('SELECT commands_run FROM tasks WHERE id = ?').pluck().get(t.id);
    expect(raw).toBe('["npm test"]');
  });

  it('complete without lists keeps the stored ones', () => {
    const { db } = freshDatabase();
    const t = seedTask(db, seedProject(db).id, { filesChanged: '["kept.ts"]' });
    const done = new TaskRepository(db).complete(t.id, 'ok', { inputTokens: 1, outputTokens: 2, estimatedCost: 0 });
    expect(done.filesChanged).toBe('["kept.ts"]');
  });

  it('fail records the error and completed_at; unknown ids are NotFoundError', () => {
    const { db } = freshDatabase();
    const t = seedTask(db, seedProject(db).id);
    const repo = new TaskRepository(db);
    const f = repo.fail(t.id, 'agent offline');
    expect(f).toMatchObject({ status: 'failed', errorMessage: 'agent offline' });
    expect(f.completedAt).not.toBeNull();
    expect(() => repo.fail('task_none', 'x')).toThrow(NotFoundError);
    expect(() => repo.complete('task_none', 'x', { inputTokens: 0, outputTokens: 0, estimatedCost: 0 })).toThrow(NotFoundError);
  });

  it('reads a row whose JSON columns are malformed without crashing', () => {
    const { db, sqlite } = freshDatabase();
    const t = seedTask(db, seedProject(db).id);
    sqlite.prepare("UPDATE tasks SET files_changed = 'not json [', commands_run = '{\"a\":1}' WHERE id = ?").run(t.id);
    const row = new TaskRepository(db).findById(t.id)!;
    expect(row.filesChanged).toBe('not json [');
    expect(stringArrayOrRaw(row.filesChanged)).toEqual(['not json [']);
    expect(new TaskRepository(db).findByProjectId(t.projectId)).toHaveLength(1);
  });
});
