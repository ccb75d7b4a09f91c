import type { Route } from '../../src/app/navigation.js';
import type { DashboardData } from './dashboard-data.js';

/** The panels whose rows can be selected and opened, in Tab order. */
export const PANELS = ['running', 'schedules', 'audit'] as const;
export type PanelId = (typeof PANELS)[number];

/** A row of a panel: its key in the view, and where Enter takes it. */
export interface DashboardTarget {
  readonly key: string;
  readonly route: Route;
}

/** Where the selection is: a panel and a row of it (kept in range as the data changes). */
export interface DashboardCursor {
  readonly panel: PanelId;
  readonly row: number;
}

/** The selectable rows of each panel, in the order the view draws them. */
export function dashboardTargets(d: DashboardData): Record<PanelId, DashboardTarget[]> {
  const schedule =
    (prefix: string) =>
    (s: { id: string }): DashboardTarget => ({ key: `${prefix}:${s.id}`, route: { screen: 'schedule', params: { scheduleId: s.id } } });
  return {
    running: d.running.map((t) => ({ key: `task:${t.id}`, route: { screen: 'task', params: { taskId: t.id } } })),
    schedules: [...d.schedules.due.map(schedule('due')), ...d.schedules.failed.map(schedule('failed'))],
    audit: d.audit.map((a) => ({ key: `audit:${a.id}`, route: { screen: 'audit-entry', params: { auditId: String(a.id) } } })),
  };
}

/** The cursor in range: on its panel if that has rows, else the first panel that has; null when none has. */
export function settle(targets: Record<PanelId, DashboardTarget[]>, at: DashboardCursor): DashboardCursor | null {
  const filled = PANELS.filter((p) => targets[p].length > 0);
  const panel = filled.includes(at.panel) ? at.panel : filled[0];
  if (!panel) return null;
  return { panel, row: Math.max(0, Math.min(at.row, targets[panel].length - 1)) };
}

export type Move = 'nextPanel' | 'prevPanel' | 'down' | 'up';

/** One key's move: Tab and arrows across panels (rows with rows only), j/k down and up, on into the next panel at an end. */
export function moveCursor(targets: Record<PanelId, DashboardTarget[]>, at: DashboardCursor, move: Move): DashboardCursor {
  const filled = PANELS.filter((p) => targets[p].length > 0);
  const i = filled.indexOf(at.panel);
  const last = targets[at.panel].length - 1;
  switch (move) {
    case 'nextPanel':
      return { panel: filled[(i + 1) % filled.length]!, row: 0 };
    case 'prevPanel':
      return { panel: filled[(i - 1 + filled.length) % filled.length]!, row: 0 };
    case 'down':
      if (at.row < last) return { panel: at.panel, row: at.row + 1 };
      return i + 1 < filled.length ? { panel: filled[i + 1]!, row: 0 } : at;
    case 'up':
      if (at.row > 0) return { panel: at.panel, row: at.row - 1 };
      return i > 0 ? { panel: filled[i - 1]!, row: targets[filled[i - 1]!].length - 1 } : at;
  }
}
