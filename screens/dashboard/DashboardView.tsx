import React from 'react';
import { Box } from 'ink';
import { Panel } from '../../components/Panel.js';
import { Bar } from '../../components/Bar.js';
import { ToneText, statusTone } from '../../components/theme/index.js';
import { inert } from '../../components/text/inert.js';
import { formatCost, formatCount, formatRelative, formatTime, formatTokens } from '../../components/text/format.js';
import type { Usage } from '../../db/views/dashboard.js';
import type { StepsState } from '../../src/hooks/use-steps.js';
import type { DashboardData, DashboardTotals } from './dashboard-data.js';
import type { PanelId } from './dashboard-selection.js';
import type { DashboardSelection } from './use-dashboard-selection.js';

const line = (text: string, tone?: Parameters<typeof ToneText>[0]['tone'], key?: string, selected = false) => (
  <ToneText key={key} tone={tone} selected={selected} wrap="truncate-end">
    {`${selected ? '> ' : ''}${text}`}
  </ToneText>
);

/** A row Enter can open: `key` as dashboardTargets names it, marked when selected. */
const row = (text: string, key: string, sel: DashboardSelection, tone?: Parameters<typeof ToneText>[0]['tone']) => line(text, tone, key, sel.selected === key);

/** The panel the cursor is in says so in its title. */
const title = (text: string, panel: PanelId, sel: DashboardSelection): string => (sel.panel === panel ? `▸ ${text}` : text);

const usageLine = (label: string, u: Usage): string =>
  `${label.padEnd(7)} ${formatCount(u.tasks).padStart(7)} tasks  ${formatTokens(u.inputTokens + u.outputTokens).padStart(6)} tokens  ${formatCost(u.cost)}`;

function Schedules({ s, sel }: { s: DashboardData['schedules']; sel: DashboardSelection }) {
  if (!s.present) return line('no scheduled_tasks table in this file', 'muted');
  return (
    <>
      {line(`${formatCount(s.dueCount)} due now`, s.dueCount > 0 ? 'warning' : 'muted')}
      {s.due.map((d) => row(`  ${inert(d.taskType)} ${inert(d.command)} ${inert(d.userId)} ${formatRelative(d.nextExecutionAt)}`, `due:${d.id}`, sel))}
      {line(`${formatCount(s.failedCount)} failed`, s.failedCount > 0 ? 'danger' : 'muted')}
      {s.failed.map((d) => row(`  ${inert(d.taskType)} ${inert(d.command)} ${inert(d.userId)}`, `failed:${d.id}`, sel))}
    </>
  );
}

function ByStatus({ totals, width }: { totals: StepsState<DashboardTotals>; width: number }) {
  if (totals.status === 'working') return line('counting…', 'muted');
  if (totals.status === 'error') return line(`Error: ${inert(totals.error)}`, 'danger');
  const byStatus = totals.value.byStatus;
  if (byStatus.length === 0) return line('no tasks', 'muted');
  const max = Math.max(0, ...byStatus.map((s) => s.count));
  return (
    <>
      {byStatus.map((s) => (
        <Bar key={s.status} label={s.status} value={s.count} max={max} width={Math.max(4, width - 24)} labelWidth={10} tone={statusTone(s.status)} text={formatCount(s.count)} />
      ))}
    </>
  );
}

/** 1 Dashboard: what is happening, what it costs, what needs attention. */
export function DashboardView({ data, totals, selection, width, height }: { data: DashboardData; totals: StepsState<DashboardTotals>; selection: DashboardSelection; width: number; height: number }) {
  const sel = selection;
  const half = Math.floor((width - 2) / 2);
  const week = totals.status === 'ready' ? usageLine('7 days', totals.value.week) : `${'7 days'.padEnd(7)} counting…`;
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <Box>
        <Panel title="Tasks by status" width={half}>
          <ByStatus totals={totals} width={half} />
        </Panel>
        <Panel title={title(`Running now (${data.running.length})`, 'running', sel)} width={half}>
          {data.running.length === 0 ? line('nothing running', 'muted') : null}
          {data.running.map((t) => row(`${t.id.slice(0, 14)} ${inert(t.botName)} ${inert(t.command)} ${inert(t.projectName ?? '')} ${formatRelative(t.updatedAt)}`, `task:${t.id}`, sel))}
        </Panel>
      </Box>
      <Box>
        <Panel title="Tokens and cost" width={half}>
          {line(usageLine('today', data.today))}
          {line(week, totals.status === 'ready' ? undefined : 'muted')}
        </Panel>
        <Panel title={title('Schedules', 'schedules', sel)} width={half}>
          <Schedules s={data.schedules} sel={sel} />
        </Panel>
      </Box>
      <Panel title={title('Latest audit events', 'audit', sel)}>
        {data.audit.length === 0 ? line('no audit events', 'muted') : null}
        {data.audit.map((a) => row(`${formatTime(a.timestamp)}  ${inert(a.action).padEnd(26)} ${inert(a.userId ?? '-').padEnd(12)} ${inert(a.resourceType)} ${inert(a.resourceId ?? '')}`, `audit:${a.id}`, sel))}
      </Panel>
    </Box>
  );
}
