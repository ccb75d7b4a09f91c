import type { DB } from '../../db/connection.js';
import { recentAuditEvents, runningTasks, scheduleAlerts, usageSince, type RunningTask, type ScheduleAlerts, type StatusCount, type Usage } from '../../db/views/dashboard.js';
import { tasksByStatusInSteps, usageSinceInSteps, type Steps } from '../../db/views/dashboard-steps.js';
import type { RecentAuditEvent } from '../../db/views/dashboard.js';

/** What the first frame shows: each a few index seeks, whatever the size of the file. */
export interface DashboardData {
  running: RunningTask[];
  today: Usage;
  schedules: ScheduleAlerts;
  audit: RecentAuditEvent[];
}

/** What grows with the tasks table: counted in steps after the first frame. */
export interface DashboardTotals {
  byStatus: StatusCount[];
  week: Usage;
}

/** How many rows each list of the dashboard may show. */
export interface DashboardLimits {
  running: number;
  schedules: number;
  audit: number;
}

/** The first frame's data, in one read after the shell shows. */
export function readDashboard(db: DB, limits: DashboardLimits, now = new Date()): DashboardData {
  const midnight = new Date(now);
  midnight.setHours(0, 0, 0, 0);
  return {
    running: runningTasks(db, limits.running),
    today: usageSince(db, midnight.toISOString()),
    schedules: scheduleAlerts(db, now.toISOString(), limits.schedules),
    audit: recentAuditEvents(db, limits.audit),
  };
}

/** Tasks by status and the 7 days' usage (at 1M tasks: ~1M and ~120k index entries), a slice per step. */
export function* dashboardTotals(db: DB, now = new Date()): Steps<DashboardTotals> {
  const week = yield* usageSinceInSteps(db, new Date(now.getTime() - 7 * 86_400_000).toISOString(), now.getTime());
  const byStatus = yield* tasksByStatusInSteps(db);
  return { byStatus, week };
}
