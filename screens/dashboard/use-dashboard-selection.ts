import { useMemo, useState } from 'react';
import { useKeypress } from '../../src/app/keypress-bus.js';
import { useNavigation } from '../../src/app/navigation.js';
import { isCommand, type CommandId } from '../../src/keymap/keymap.js';
import type { DashboardData } from './dashboard-data.js';
import { dashboardTargets, moveCursor, settle, type DashboardCursor, type Move, type PanelId } from './dashboard-selection.js';

export interface DashboardSelection {
  /** the panel the cursor is in (its title is marked), null when no panel has rows */
  readonly panel: PanelId | null;
  /** the key of the selected row (dashboardTargets) */
  readonly selected: string | null;
}

const MOVES: readonly [CommandId, Move][] = [
  ['dashboard.nextPanel', 'nextPanel'],
  ['dashboard.prevPanel', 'prevPanel'],
  ['dashboard.down', 'down'],
  ['dashboard.up', 'up'],
];

/** The dashboard's cursor: Tab and arrows move between panels and rows; Enter opens the task, schedule or audit entry. */
export function useDashboardSelection(data: DashboardData | undefined, active: boolean): DashboardSelection {
  const nav = useNavigation();
  const [cursor, setCursor] = useState<DashboardCursor>({ panel: 'running', row: 0 });
  const targets = useMemo(() => (data ? dashboardTargets(data) : null), [data]);
  const at = targets ? settle(targets, cursor) : null;
  useKeypress(
    'screen',
    (k) => {
      if (!targets || !at) return false;
      const move = MOVES.find(([command]) => isCommand(command, k.name))?.[1];
      if (move) setCursor(moveCursor(targets, at, move));
      else if (isCommand('dashboard.open', k.name)) {
        const route = targets[at.panel][at.row]?.route;
        if (route) nav.push(route.screen, { ...route.params });
      } else return false;
      return true;
    },
    { active, scopes: ['dashboard'] },
  );
  return { panel: at?.panel ?? null, selected: at && targets ? (targets[at.panel][at.row]?.key ?? null) : null };
}
