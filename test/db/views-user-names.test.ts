import { describe, it, expect } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedSession, seedTask, seedUser, minutesAgo } from '../helpers/seed.js';
import { seedSchedule, hoursFromNow } from '../screens/schedules-fixtures.js';
import { runningTasks, scheduleAlerts, recentAuditEvents } from '../../db/views/dashboard.js';
import { sessionListSource } from '../../db/views/sessions.js';
import { auditEntry, auditListSource } from '../../db/views/audit.js';
import { taskDetail } from '../../db/views/task-detail.js';
import { taskListSource } from '../../db/views/tasks.js';
import type { Connection } from '../../db/connection.js';

/** U_ANN has a users row, U_BLOB's username is a BLOB, U_GHOST has none. */
function people(conn: Connection): string {
  seedUser(conn.sqlite, 'U_ANN', 'developer');
  conn.sqlite.prepare(`INSERT INTO users (id, slack_user_id, slack_username, role, active, created_at, updated_at) VALUES ('ub', 'U_BLOB', ?, 'viewer', 1, 'x', 'x')`).run(Buffer.from('bytes'));
  const p = seedProject(conn.sqlite);
  const add = conn.sqlite.prepare(`INSERT INTO audit_logs (action, user_id, resource_type, resource_id, metadata, timestamp) VALUES ('user:role-changed', ?, 'user', 'u1', '{}', ?)`);
  for (const [i, u] of ['U_ANN', 'U_BLOB', 'U_GHOST'].entries()) {
    const t = seedTask(conn.sqlite, { projectId: p, slackUserId: u, status: 'running', createdAt: minutesAgo(10 - i) });
    seedSession(conn.sqlite, { taskId: t, createdAt: minutesAgo(10 - i) });
    seedSchedule(conn.sqlite, { projectId: p, userId: u, nextExecutionAt: hoursFromNow(-1 - i) });
    add.run(u, minutesAgo(10 - i));
  }
  return p;
}

const EXPECTED = [
  ['U_ANN', 'name-U_ANN'],
  ['U_BLOB', '⟨blob 5 bytes⟩'],
  ['U_GHOST', null],
];
const byId = <T>(rows: T[], id: (r: T) => string | null, name: (r: T) => string | null) => rows.map((r) => [id(r), name(r)]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));

describe('people by name (issue 15): users.slack_username by Slack id, through the value boundary', () => {
  it('dashboard panels, sessions (via their task), audit rows and entries, task detail', () => {
    const conn = freshDatabase();
    people(conn);
    expect(
      byId(
        runningTasks(conn.db, 10),
        (r) => r.slackUserId,
        (r) => r.userName,
      ),
    ).toEqual(EXPECTED);
    const alerts = scheduleAlerts(conn.db, new Date().toISOString(), 10);
    expect(
      byId(
        alerts.due,
        (r) => r.userId,
        (r) => r.userName,
      ),
    ).toEqual(EXPECTED);
    expect(
      byId(
        recentAuditEvents(conn.db, 10),
        (r) => r.userId,
        (r) => r.userName,
      ),
    ).toEqual(EXPECTED);
    expect(
      byId(
        sessionListSource(conn.db, {}).page({ kind: 'first' }, 10),
        (r) => r.slackUserId,
        (r) => r.userName,
      ),
    ).toEqual(EXPECTED);
    const audit = auditListSource(conn.db, {}).page({ kind: 'first' }, 10);
    expect(
      byId(
        audit,
        (r) => r.userId,
        (r) => r.userName,
      ),
    ).toEqual(EXPECTED);
    expect(audit.map((a) => auditEntry(conn.db, a.id)!.userName).sort()).toEqual(['name-U_ANN', '⟨blob 5 bytes⟩', null].sort());
    const tasks = taskListSource(conn.db, {}).page({ kind: 'first' }, 10);
    expect(
      byId(
        tasks.map((t) => taskDetail(conn.db, t.id)!),
        (d) => d.task.slackUserId,
        (d) => d.userName,
      ),
    ).toEqual(EXPECTED);
  });

  it('a file without a users table shows ids only, and sorting by user still pages', () => {
    const conn = freshDatabase();
    people(conn);
    conn.sqlite.exec('DROP TABLE user_project_permissions; DROP TABLE users');
    const tasks = taskListSource(conn.db, {}, { by: 'user', direction: 'asc' }).page({ kind: 'first' }, 10);
    expect(tasks.map((t) => [t.slackUserId, t.userName])).toEqual([
      ['U_ANN', null],
      ['U_BLOB', null],
      ['U_GHOST', null],
    ]);
    expect(runningTasks(conn.db, 10).every((r) => r.userName === null)).toBe(true);
  });
});
