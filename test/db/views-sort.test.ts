import { describe, it, expect } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedSession, seedTask, seedTasks, seedUser, minutesAgo } from '../helpers/seed.js';
import { seedSchedule, hoursFromNow } from '../screens/schedules-fixtures.js';
import type { ListSource } from '../../db/views/keyset.js';
import type { ListSort } from '../../db/views/sort.js';
import { CHEAP_SORT_ROWS } from '../../db/views/sort.js';
import { taskListSource } from '../../db/views/tasks.js';
import { auditListSource } from '../../db/views/audit.js';
import { scheduleListSource } from '../../db/views/schedules.js';
import { sessionListSource } from '../../db/views/sessions.js';
import { apiKeyListSource } from '../../db/views/api-keys.js';
import { userListSource } from '../../db/views/users.js';
import { projectListSource } from '../../db/views/projects.js';

/** Every row of a list read whole, then walked a page of `n` at a time forward and backward. */
function walk<T>(src: ListSource<T>, n: number): { whole: string[]; forward: string[]; backward: string[] } {
  const id = (r: T): string => String(src.idOf(r));
  const whole = src.page({ kind: 'first' }, 10_000).map(id);
  const forward: string[] = [];
  let page = src.page({ kind: 'first' }, n);
  while (page.length > 0) {
    forward.push(...page.map(id));
    page = src.page({ kind: 'after', cursor: src.cursorOf(page[page.length - 1]!) }, n);
  }
  const backward: string[] = [];
  page = src.page({ kind: 'last' }, n);
  while (page.length > 0) {
    backward.unshift(...page.map(id));
    page = src.page({ kind: 'before', cursor: src.cursorOf(page[0]!) }, n);
  }
  return { whole, forward, backward };
}

/** Each offered sort, both ways: pages of 2 across ties keep the whole order, every row once. */
function expectEverySortPages<T>(make: (s: ListSort) => ListSource<T>, rows: number): void {
  const offered = make({ by: '', direction: 'asc' }).sorts ?? [];
  expect(offered.length).toBeGreaterThan(1);
  for (const by of offered) {
    for (const direction of ['asc', 'desc'] as const) {
      const src = make({ by, direction });
      expect(src.sort).toEqual({ by, direction });
      const w = walk(src, 2);
      expect(w.whole, `${by} ${direction}`).toHaveLength(rows);
      expect(new Set(w.whole).size).toBe(rows);
      expect(w.forward, `${by} ${direction} forward`).toEqual(w.whole);
      expect(w.backward, `${by} ${direction} backward`).toEqual(w.whole);
    }
  }
}

describe('lists sort by their columns as keyset orders (issue 15)', () => {
  it('tasks: each column sorts, ties break by id, pages keep the order both ways; names from users', () => {
    const conn = freshDatabase();
    const web = seedProject(conn.sqlite, { name: 'web' });
    const api = seedProject(conn.sqlite, { name: 'api' });
    seedUser(conn.sqlite, 'U_B', 'developer'); // name-U_B
    seedUser(conn.sqlite, 'U_A', 'developer');
    // ties on every column: 3 costs, 2 projects, 3 users (one without a users row), 2 statuses
    seedTasks(conn.sqlite, web, 7, (i) => ({
      projectId: i % 2 ? web : api,
      estimatedCost: [0.5, 2, 0.5][i % 3]!,
      slackUserId: ['U_A', 'U_B', 'U_NONE'][i % 3]!,
      status: i % 2 ? 'failed' : 'completed',
    }));
    expectEverySortPages((s) => taskListSource(conn.db, {}, s), 7);
    const byCost = taskListSource(conn.db, {}, { by: 'cost', direction: 'desc' }).page({ kind: 'first' }, 10);
    expect(byCost.map((t) => t.estimatedCost)).toEqual([2, 2, 0.5, 0.5, 0.5, 0.5, 0.5]);
    const byUser = taskListSource(conn.db, {}, { by: 'user', direction: 'asc' }).page({ kind: 'first' }, 10);
    // by what the list shows: the username, else the id itself
    expect(byUser.map((t) => t.userName ?? t.slackUserId)).toEqual(['U_NONE', 'U_NONE', 'name-U_A', 'name-U_A', 'name-U_A', 'name-U_B', 'name-U_B']);
    const byProject = taskListSource(conn.db, {}, { by: 'project', direction: 'asc' }).page({ kind: 'first' }, 10);
    expect(byProject.map((t) => t.projectName)).toEqual(['api', 'api', 'api', 'api', 'web', 'web', 'web']);
    // the default stays newest first
    const def = taskListSource(conn.db, {});
    expect(def.sort).toEqual({ by: 'created', direction: 'desc' });
  });

  it('a table past CHEAP_SORT_ROWS offers only the indexed sort, and an asked sort falls back to it', () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite);
    seedTasks(conn.sqlite, p, 3);
    expect(taskListSource(conn.db, {}).sorts).toContain('cost');
    // a big rowid: max(rowid) is what the list reads as the table's size
    conn.sqlite.prepare(`UPDATE tasks SET rowid = ? WHERE rowid = (SELECT max(rowid) FROM tasks)`).run(CHEAP_SORT_ROWS + 1);
    const big = taskListSource(conn.db, {}, { by: 'cost', direction: 'desc' });
    expect(big.sorts).toEqual(['created']);
    expect(big.sort).toEqual({ by: 'created', direction: 'desc' });
  });

  it('task rows carry the user name; an id with no users row reads null; a BLOB username is its marker', () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite);
    seedUser(conn.sqlite, 'U_ANN', 'developer');
    conn.sqlite.prepare(`INSERT INTO users (id, slack_user_id, slack_username, role, active, created_at, updated_at) VALUES ('ub', 'U_BLOB', ?, 'viewer', 1, 'x', 'x')`).run(Buffer.from([0, 1, 2]));
    seedTask(conn.sqlite, { projectId: p, slackUserId: 'U_ANN', createdAt: minutesAgo(3) });
    seedTask(conn.sqlite, { projectId: p, slackUserId: 'U_GHOST', createdAt: minutesAgo(2) });
    seedTask(conn.sqlite, { projectId: p, slackUserId: 'U_BLOB', createdAt: minutesAgo(1) });
    const rows = taskListSource(conn.db, {}).page({ kind: 'first' }, 10);
    expect(rows.map((r) => [r.slackUserId, r.userName])).toEqual([
      ['U_BLOB', '⟨blob 3 bytes⟩'],
      ['U_GHOST', null],
      ['U_ANN', 'name-U_ANN'],
    ]);
    for (const by of ['user'] as const) {
      const w = walk(taskListSource(conn.db, {}, { by, direction: 'asc' }), 1);
      expect(w.forward).toEqual(w.whole);
      expect(w.backward).toEqual(w.whole);
    }
  });

  it('audit: by time (id), action, user, type and resource; user names', () => {
    const conn = freshDatabase();
    seedUser(conn.sqlite, 'U_A', 'admin');
    const add = conn.sqlite.prepare(`INSERT INTO audit_logs (action, user_id, resource_type, resource_id, metadata, timestamp) VALUES (?, ?, ?, ?, '{}', ?)`);
    for (let i = 0; i < 6; i++) add.run(['user:role', 'api-key:revoked'][i % 2], [null, 'U_A', 'U_X'][i % 3], ['user', 'api_key'][i % 2], i % 3 ? `r${i % 2}` : null, minutesAgo(10 - i));
    expectEverySortPages((s) => auditListSource(conn.db, {}, s), 6);
    const rows = auditListSource(conn.db, {}).page({ kind: 'first' }, 10);
    expect(rows.map((r) => [r.userId, r.userName])).toContainEqual(['U_A', 'name-U_A']);
    expect(rows.map((r) => [r.userId, r.userName])).toContainEqual(['U_X', null]);
  });

  it('schedules: next run soonest first by default, finished ones last; every column sorts and pages', () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedUser(conn.sqlite, 'U_ANN', 'developer');
    const later = seedSchedule(conn.sqlite, { projectId: p, nextExecutionAt: hoursFromNow(5), createdAt: '2026-01-01T00:00:00.000Z' });
    const done = seedSchedule(conn.sqlite, { projectId: p, status: 'completed', nextExecutionAt: null, createdAt: '2026-01-03T00:00:00.000Z' });
    const soon = seedSchedule(conn.sqlite, { projectId: p, userId: 'U_ANN', nextExecutionAt: hoursFromNow(1), createdAt: '2026-01-02T00:00:00.000Z' });
    const tie = seedSchedule(conn.sqlite, { projectId: p, nextExecutionAt: hoursFromNow(5), createdAt: '2026-01-04T00:00:00.000Z' });
    const def = scheduleListSource(conn.db, {});
    expect(def.sort).toEqual({ by: 'next', direction: 'asc' });
    expect(def.page({ kind: 'first' }, 10).map((s) => s.id)).toEqual([soon, ...[later, tie].sort(), done]);
    expectEverySortPages((s) => scheduleListSource(conn.db, {}, s), 4);
  });

  it('sessions, api keys, users and projects: every column sorts and pages both ways', () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'b' });
    seedProject(conn.sqlite, { name: 'a', defaultMaxBudget: 9 });
    seedProject(conn.sqlite, { name: 'a', active: false });
    seedUser(conn.sqlite, 'U_A', 'admin');
    seedUser(conn.sqlite, 'U_B', 'viewer', false);
    seedUser(conn.sqlite, 'U_C', 'viewer');
    const t1 = seedTask(conn.sqlite, { projectId: p, slackUserId: 'U_A' });
    const t2 = seedTask(conn.sqlite, { projectId: p, slackUserId: 'U_GHOST' });
    for (let i = 0; i < 5; i++) seedSession(conn.sqlite, { taskId: i % 2 ? t1 : t2, agentId: `agent-${i % 2}`, status: i % 3 ? 'completed' : 'failed', createdAt: minutesAgo(i) });
    const key = conn.sqlite.prepare('INSERT INTO api_keys (id, key, agent_id, created_at, expires_at, last_used_at, revoked) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const now = Math.floor(Date.now() / 1000);
    key.run('k1', 'bm_1', 'agent-a', now - 100, null, null, 0);
    key.run('k2', 'bm_2', 'agent-b', now - 100, now - 10, now - 50, 0);
    key.run('k3', 'bm_3', 'agent-a', now - 50, now + 1000, now - 5, 1);
    expectEverySortPages((s) => sessionListSource(conn.db, {}, s), 5);
    expectEverySortPages((s) => apiKeyListSource(conn.db, {}, s), 3);
    expectEverySortPages((s) => userListSource(conn.db, {}, s), 3);
    expectEverySortPages((s) => projectListSource(conn.db, {}, s), 3);
    const sessions = sessionListSource(conn.db, {}, { by: 'user', direction: 'asc' }).page({ kind: 'first' }, 10);
    expect(sessions.map((s) => s.userName ?? s.slackUserId)).toEqual(['U_GHOST', 'U_GHOST', 'U_GHOST', 'name-U_A', 'name-U_A']);
    const keys = apiKeyListSource(conn.db, {}, { by: 'state', direction: 'asc' }).page({ kind: 'first' }, 10);
    expect(keys.map((k) => k.state)).toEqual(['active', 'expired', 'revoked']);
  });
});
