import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedSession, seedTask } from '../helpers/seed.js';
import { taskListSource } from '../../db/views/tasks.js';
import { sessionListSource } from '../../db/views/sessions.js';
import { scheduleListSource } from '../../db/views/schedules.js';
import { apiKeyListSource } from '../../db/views/api-keys.js';
import { allCanonical } from '../../db/views/time-order.js';
import type { ListSource } from '../../db/views/keyset.js';
import { instantOf } from '../../db/time.js';

// Times other writers leave (issue 12): each is 11:45:09Z on 2026-11-26 or near it, in another form.
const FORMS: [label: string, stored: string | number, instant: string][] = [
  ['canonical 11:50', '2026-11-26T11:50:00.000Z', '2026-11-26T11:50:00.000Z'],
  ['offset', '2026-11-26T12:45:09+01:00', '2026-11-26T11:45:09.000Z'],
  ['space form (UTC)', '2026-11-26 11:47:00', '2026-11-26T11:47:00.000Z'],
  ['canonical 11:46', '2026-11-26T11:46:00.000Z', '2026-11-26T11:46:00.000Z'],
  ['milliseconds', Date.parse('2026-11-26T11:48:00Z'), '2026-11-26T11:48:00.000Z'],
  ['seconds as digits', String(Date.parse('2026-11-26T11:49:00Z') / 1000), '2026-11-26T11:49:00.000Z'],
  ['negative offset', '2026-11-26T06:44:00-05:00', '2026-11-26T11:44:00.000Z'],
];
const NEWEST_FIRST = [...FORMS].sort((a, b) => b[2].localeCompare(a[2]));

/** Every row by walking one row at a time forwards from the first, then backwards from the last. */
function walkBothWays<T>(src: ListSource<T>): { forward: T[]; backward: T[] } {
  const forward: T[] = [];
  for (let page = src.page({ kind: 'first' }, 1); page.length > 0; page = src.page({ kind: 'after', cursor: src.cursorOf(page[0]!) }, 1)) forward.push(page[0]!);
  const backward: T[] = [];
  for (let page = src.page({ kind: 'last' }, 1); page.length > 0; page = src.page({ kind: 'before', cursor: src.cursorOf(page[0]!) }, 1)) backward.unshift(page[0]!);
  return { forward, backward };
}

const setTime = (sqlite: Database.Database, table: string, column: string, id: string, v: string | number): void => {
  sqlite.prepare(`UPDATE "${table}" SET "${column}" = ? WHERE id = ?`).run(v, id);
};

describe('times other writers leave are shown and sorted as the instants they are', () => {
  it('reads each form as its instant, and nothing else', () => {
    for (const [label, stored, instant] of FORMS) expect([label, new Date(instantOf(stored)!).toISOString()]).toEqual([label, instant]);
    for (const junk of ['yesterday', '1e20', 1e20, '', '2026-13-45T99:99:99Z', '+275760-09-13T00:00:00.000Z', '0000-00-00']) expect(instantOf(junk)).toBeUndefined();
  });

  it('tasks: newest first by instant, each shown as canonical UTC, paging one row at a time both ways', () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite);
    for (const [label, stored] of FORMS) setTime(conn.sqlite, 'tasks', 'created_at', seedTask(conn.sqlite, { projectId: p, id: label, prompt: label }), stored);
    const { forward, backward } = walkBothWays(taskListSource(conn.db, {}));
    const expected = NEWEST_FIRST.map(([label, , instant]) => [label, instant]);
    expect(forward.map((t) => [t.id, t.createdAt])).toEqual(expected);
    expect(backward.map((t) => [t.id, t.createdAt])).toEqual(expected);
    // filtered lists keep the same order
    expect(
      taskListSource(conn.db, { status: ['completed'] })
        .page({ kind: 'first' }, 50)
        .map((t) => t.id),
    ).toEqual(expected.map(([l]) => l));
  });

  it('sessions and schedules: the same order by instant', () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite);
    const task = seedTask(conn.sqlite, { projectId: p });
    for (const [label, stored] of FORMS) {
      const id = seedSession(conn.sqlite, { taskId: task, agentId: label });
      setTime(conn.sqlite, 'sessions', 'created_at', id, stored);
      conn.sqlite
        .prepare(
          `INSERT INTO scheduled_tasks (id, project_id, user_id, task_type, bot_name, command, prompt, scheduled_for, timezone, status, slack_channel_id, created_at, updated_at)
                  VALUES (?, ?, 'U1', 'reminder', 'coder', 'fix', ?, ?, 'UTC', 'pending', 'C1', ?, ?)`,
        )
        .run(label, p, label, stored, stored, stored);
    }
    const expected = NEWEST_FIRST.map(([label, , instant]) => [label, instant]);
    const sessions = walkBothWays(sessionListSource(conn.db, {}));
    expect(sessions.forward.map((s) => [s.agentId, s.createdAt])).toEqual(expected);
    expect(sessions.backward.map((s) => [s.agentId, s.createdAt])).toEqual(expected);
    const schedules = walkBothWays(scheduleListSource(conn.db, {}, { by: 'created', direction: 'desc' }));
    expect(schedules.forward.map((s) => [s.id, s.createdAt, s.scheduledFor])).toEqual(expected.map(([l, i]) => [l, i, i]));
    expect(schedules.backward.map((s) => s.id)).toEqual(expected.map(([l]) => l));
  });

  it('api keys: a millisecond time reads as seconds (not the year 58893) and sorts with the others; an unreadable one is marked', () => {
    const conn = freshDatabase();
    const at = (iso: string): number => Date.parse(iso) / 1000;
    const add = conn.sqlite.prepare('INSERT INTO api_keys (id, key, agent_id, created_at, expires_at, revoked) VALUES (?, ?, ?, ?, ?, 0)');
    add.run('ak_seconds', 'bm_a'.padEnd(67, 'a'), 'a', at('2026-11-26T11:00:00Z'), at('2026-12-26T11:00:00Z'));
    add.run('ak_millis', 'bm_b'.padEnd(67, 'b'), 'a', at('2026-11-26T12:00:00Z') * 1000, at('2027-01-01T00:00:00Z') * 1000);
    add.run('ak_iso', 'bm_c'.padEnd(67, 'c'), 'a', '2026-11-26T11:30:00.000Z', 'yesterday');
    add.run('ak_old_millis_expired', 'bm_d'.padEnd(67, 'd'), 'a', at('2026-11-26T10:00:00Z') * 1000, at('2020-01-01T00:00:00Z') * 1000);
    const src = apiKeyListSource(conn.db, {});
    const rows = walkBothWays(src);
    expect(rows.forward.map((k) => [k.id, k.createdAt, k.expiresAt, k.state])).toEqual([
      ['ak_millis', at('2026-11-26T12:00:00Z'), at('2027-01-01T00:00:00Z'), 'active'],
      ['ak_iso', at('2026-11-26T11:30:00Z'), '?yesterday', 'active'],
      ['ak_seconds', at('2026-11-26T11:00:00Z'), at('2026-12-26T11:00:00Z'), 'active'],
      ['ak_old_millis_expired', at('2026-11-26T10:00:00Z'), at('2020-01-01T00:00:00Z'), 'expired'],
    ]);
    expect(rows.backward.map((k) => k.id)).toEqual(rows.forward.map((k) => k.id));
    expect(
      apiKeyListSource(conn.db, { state: 'expired' })
        .page({ kind: 'first' }, 10)
        .map((k) => k.id),
    ).toEqual(['ak_old_millis_expired']);
    expect(
      apiKeyListSource(conn.db, { state: 'active' })
        .page({ kind: 'first' }, 10)
        .map((k) => k.id),
    ).toEqual(['ak_millis', 'ak_iso', 'ak_seconds']);
  });

  it('the list keeps the raw column (its index) while every row is canonical, and turns to the instant once one is not', () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite);
    seedTask(conn.sqlite, { projectId: p, id: 'a', createdAt: '2026-11-26T11:00:00.000Z' });
    seedTask(conn.sqlite, { projectId: p, id: 'b', createdAt: '2026-11-26T12:00:00.000Z' });
    const src = taskListSource(conn.db, {});
    const plan = (): string => (conn.sqlite.prepare(`EXPLAIN QUERY PLAN SELECT id FROM tasks ORDER BY created_at DESC, id DESC LIMIT 5`).all() as { detail: string }[]).map((r) => r.detail).join(';');
    expect(allCanonical(conn.sqlite, 'tasks', 'created_at')).toBe(true);
    expect(plan()).toMatch(/idx_tasks_created/);
    expect(src.page({ kind: 'first' }, 5).map((t) => t.id)).toEqual(['b', 'a']);
    // another writer adds a row in its own form, later than both: seen on the next page read
    seedTask(conn.sqlite, { projectId: p, id: 'c', createdAt: '2026-11-26T11:30:00+01:00' });
    // 11:30+01:00 is 10:30Z: the oldest, though as text it sorts between the two
    expect(src.page({ kind: 'first' }, 5).map((t) => [t.id, t.createdAt])).toEqual([
      ['b', '2026-11-26T12:00:00.000Z'],
      ['a', '2026-11-26T11:00:00.000Z'],
      ['c', '2026-11-26T10:30:00.000Z'],
    ]);
    expect(allCanonical(conn.sqlite, 'tasks', 'created_at')).toBe(false);
  });
});
