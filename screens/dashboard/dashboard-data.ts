import type { DB } from '../../db/connection.js';
import {
  recentAuditEvents,
  runningTasks,
  scheduleAlerts,
  tasksByStatus,
  usageSince,
  type RunningTask,
  type ScheduleAlerts,
  type StatusCount,
  type Usage,
} from '../../db/views/dashboard.js';
import type { AuditLogRow } from '../../db/types.js';

export interface DashboardData {
  byStatus: StatusCount[];
  running: RunningTask[];
  today: Usage;
  week: Usage;
  schedules: ScheduleAlerts;
  audit: AuditLogRow[];
}

/** How many rows each list of the dashboard may show. */
export interface DashboardLimits {
  running: number;
  schedules: number;
  audit: number;
}

/** Everything the dashboard shows, in one read after the first frame. */
export function readDashboard(db: DB, limits: DashboardLimits, now = new Date()): DashboardData {
  const midnight = new Date(now);
  midnight.setHours(0, 0, 0, 0);
  return {
    byStatus: tasksByStatus(db),
    running: runningTasks(db, limits.running),
    today: usageSince(db, midnight.toISOString()),
    week: usageSince(db, new Date(now.getTime() - 7 * 86_400_000).toISOString()),
    schedules: scheduleAlerts(db, now.toISOString(), limits.schedules),
    audit: recentAuditEvents(db, limits.audit),
  };
}
