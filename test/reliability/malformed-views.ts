import type { DB } from '../../db/connection.js';
import type { ListSource, PageRequest } from '../../db/views/keyset.js';
import { tasksByStatus, runningTasks, usageSince, scheduleAlerts, recentAuditEvents } from '../../db/views/dashboard.js';
import { taskListSource } from '../../db/views/tasks.js';
import { sessionListSource } from '../../db/views/sessions.js';
import { projectListSource, projectTaskStats } from '../../db/views/projects.js';
import { taskDetail } from '../../db/views/task-detail.js';
import { userListSource, userDetail, userPageExtras } from '../../db/views/users.js';
import { apiKeyListSource, cleanupCandidates } from '../../db/views/api-keys.js';
import { auditListSource, auditEntry } from '../../db/views/audit.js';
import { scheduleListSource, scheduleDetail, scheduleFormData } from '../../db/views/schedules.js';
import { sessionDetail } from '../../db/views/sessions.js';

/** Every page a list screen can ask for: first, last, and from each row of the first page both ways. */
function walk<T>(source: ListSource<T>): unknown[] {
  const first = source.page({ kind: 'first' }, 50);
  const requests: PageRequest[] = [{ kind: 'last' }];
  for (const row of first) {
    const cursor = source.cursorOf(row);
    requests.push({ kind: 'after', cursor }, { kind: 'before', cursor }, { kind: 'from', cursor });
  }
  return [first, ...requests.map((r) => source.page(r, 50)), source.counter.maxRowid(), source.counter.countRange(0, 1e9)];
}

/** The reads behind the console's screens, over the malformed file's rows. */
export function reads(db: DB, ids: Record<string, string[]>): [string, () => unknown][] {
  const now = new Date().toISOString();
  return [
    ['dashboard.tasksByStatus', () => tasksByStatus(db)],
    ['dashboard.runningTasks', () => runningTasks(db, 20)],
    ['dashboard.usageSince', () => usageSince(db, '2000-01-01T00:00:00.000Z')],
    ['dashboard.scheduleAlerts', () => scheduleAlerts(db, now, 20)],
    ['dashboard.recentAuditEvents', () => recentAuditEvents(db, 20)],
    ['tasks list', () => walk(taskListSource(db, {}))],
    ['tasks list filtered', () => walk(taskListSource(db, { status: ['EXPLODED', 'pending'], text: 'pwn', user: 'U', project: 'proj', bot: 'coder' }))],
    ['sessions list', () => walk(sessionListSource(db, {}))],
    ['sessions list filtered', () => walk(sessionListSource(db, { status: 'EXPLODED', agent: 'a', model: 'm' }))],
    ['projects list', () => walk(projectListSource(db, {}))],
    ['projects stats', () => projectTaskStats(db, ids.projects ?? [])],
    ...(ids.tasks ?? []).map((id): [string, () => unknown] => [`task detail ${id}`, () => taskDetail(db, id)]),
    ['users list', () => walk(userListSource(db, {}))],
    ['users list filtered', () => walk(userListSource(db, { role: 'admin', active: true, text: 'pwn' }))],
    ['users extras', () => userPageExtras(db, userListSource(db, {}).page({ kind: 'first' }, 50))],
    ...(ids.users ?? []).map((id): [string, () => unknown] => [`user detail ${id}`, () => userDetail(db, id)]),
    ['api keys list', () => walk(apiKeyListSource(db, {}))],
    ['api keys by state', () => (['active', 'expired', 'revoked'] as const).map((state) => walk(apiKeyListSource(db, { state })))],
    ['api keys cleanup', () => cleanupCandidates(db)],
    ['audit list', () => walk(auditListSource(db, {}))],
    ['audit list filtered', () => walk(auditListSource(db, { action: 'a', text: 'pwn' }))],
    ...Array.from({ length: 17 }, (_, i): [string, () => unknown] => [`audit entry ${i}`, () => auditEntry(db, i)]),
    ['schedules list', () => walk(scheduleListSource(db, {}))],
    ['schedules list filtered', () => walk(scheduleListSource(db, { status: ['pending'], owner: 'U', project: 'p', type: 'rem', text: 'pwn' }))],
    ...(ids.scheduled_tasks ?? []).map((id): [string, () => unknown] => [`schedule detail ${id}`, () => [scheduleDetail(db, id), scheduleFormData(db, id)]]),
    ...(ids.sessions ?? []).map((id): [string, () => unknown] => [`session detail ${id}`, () => sessionDetail(db, id)]),
  ];
}
