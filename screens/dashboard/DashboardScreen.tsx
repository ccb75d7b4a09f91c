import React from 'react';
import { StateLine } from '../../components/StateLine.js';
import { useServices } from '../../src/app/services.js';
import { useLive } from '../../src/app/live.js';
import { useQuery } from '../../src/hooks/use-query.js';
import { useSteps } from '../../src/hooks/use-steps.js';
import type { ScreenProps } from '../../src/app/screen-props.js';
import { dashboardTotals, readDashboard } from './dashboard-data.js';
import { DashboardView } from './DashboardView.js';
import { useDashboardSelection } from './use-dashboard-selection.js';

/** Lines the two upper rows of panels take; the audit list gets the rest. */
const UPPER_ROWS = 18;

export function DashboardScreen({ active, width, height }: ScreenProps) {
  const { db } = useServices();
  const { version } = useLive();
  const audit = Math.max(1, height - UPPER_ROWS);
  // the first frame of the console holds the dashboard's data: its read is a few index seeks
  const data = useQuery(() => readDashboard(db, { running: 6, schedules: 2, audit }), String(audit), version, { firstReadNow: true });
  // Counting every task never holds up the first frame: the panels say "counting…" until it ends.
  const totals = useSteps(() => dashboardTotals(db), version);
  const selection = useDashboardSelection(data.status === 'ready' ? data.data : undefined, active);
  if (data.status !== 'ready') return <StateLine status={data.status} error={data.status === 'error' ? data.error : undefined} />;
  return <DashboardView data={data.data} totals={totals} selection={selection} width={width} height={height} />;
}
