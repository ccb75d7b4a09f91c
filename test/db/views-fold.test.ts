import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject } from '../helpers/seed.js';
import { seedSchedule } from '../screens/schedules-fixtures.js';
import { scheduleListSource } from '../../db/views/schedules.js';
import { auditListSource } from '../../db/views/audit.js';
import { taskListSource } from '../../db/views/tasks.js';
import type { ListSource } from '../../db/views/keyset.js';

// The project, type and action filters fold case for all of Unicode (db/search/fold.ts), as the
// text searches do; `%`, `_` and `\` stay literal. SQLite's LIKE folded ASCII only.

const first = <T>(s: ListSource<T>): T[] => s.page({ kind: 'first' }, 50);

describe('list filters fold case for all of Unicode', () => {
  it('project by name (tasks, schedules), schedule type, audit action', () => {
    const conn = freshDatabase();
    const omega = seedProject(conn.sqlite, { name: 'Ωmega ÉCOLE' });
    const plain = seedProject(conn.sqlite, { name: 'plain_100%' });
    const a = seedSchedule(conn.sqlite, { projectId: omega, taskType: 'Prüfung_job' });
    const b = seedSchedule(conn.sqlite, { projectId: plain, taskType: 'reminder' });
    const sched = (f: Parameters<typeof scheduleListSource>[1]): string[] =>
      first(scheduleListSource(conn.db, f))
        .map((r) => r.id)
        .sort();
    expect(sched({ project: 'ωMEGA' })).toEqual([a]);
    expect(sched({ project: 'école' })).toEqual([a]);
    expect(sched({ project: '_100%' })).toEqual([b]);
    expect(sched({ project: 'plain%100' })).toEqual([]); // % is literal
    expect(sched({ type: 'PRÜFUNG' })).toEqual([a]);
    expect(sched({ type: 'prüfung_' })).toEqual([a]);
    expect(sched({ type: 'rüfung' })).toEqual([]); // the start, not inside
    expect(sched({ type: 'REMIND' })).toEqual([b]);

    conn.sqlite
      .prepare(
        `INSERT INTO tasks (id, project_id, bot_name, command, prompt, status, slack_channel_id, slack_user_id, created_at, updated_at)
      VALUES ('task_1', ?, 'coder', 'fix', 'p', 'completed', 'C1', 'U1', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
      )
      .run(omega);
    expect(first(taskListSource(conn.db, { project: 'ΩMEGA é' })).map((r) => r.id)).toEqual(['task_1']);

    const audit = conn.sqlite.prepare("INSERT INTO audit_logs (action, user_id, resource_type, resource_id, metadata, timestamp) VALUES (?, 'U1', 'task', 'r', '{}', '2026-01-01T00:00:00.000Z')");
    audit.run('Überprüfung:done');
    audit.run('api-key:revoked');
    const actions = (action: string): string[] => first(auditListSource(conn.db, { action })).map((r) => r.action);
    expect(actions('überprüfung')).toEqual(['Überprüfung:done']);
    expect(actions('API-KEY')).toEqual(['api-key:revoked']);
    expect(actions('api_key')).toEqual([]);
    expect(first(auditListSource(conn.db, { text: 'ÜBERPRÜFUNG' })).map((r) => r.action)).toEqual(['Überprüfung:done']);
  });
});
