import React, { type ReactElement } from 'react';
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
import { clipLines, dashboardLayout } from './dashboard-layout.js';

type Tone = Parameters<typeof ToneText>[0]['tone'];

/** One line of a panel; `key` names the row Enter can open (as dashboardTargets does). */
interface PanelLine {
  readonly key: string;
  readonly node: ReactElement;
}

const line = (key: string, text: string, tone?: Tone, selected = false): PanelLine => ({
  key,
  node: (
    <ToneText key={key} tone={tone} selected={selected} wrap="truncate-end">
      {`${selected ? '> ' : ''}${text}`}
    </ToneText>
  ),
});

/** A row Enter can open, marked when selected. */
const row = (text: string, key: string, sel: DashboardSelection, tone?: Tone): PanelLine => line(key, text, tone, sel.selected === key);

/** The panel the cursor is in says so in its title. */
const title = (text: string, panel: PanelId, sel: DashboardSelection): string => (sel.panel === panel ? `▸ ${text}` : text);

/** The usage line, in columns when there is room, packed when not. */
const usageLine = (label: string, u: Usage, width: number): string =>
  width >= 46
    ? `${label.padEnd(7)} ${formatCount(u.tasks).padStart(7)} tasks  ${formatTokens(u.inputTokens + u.outputTokens).padStart(6)} tokens  ${formatCost(u.cost)}`
    : `${label} ${formatCount(u.tasks)} tasks ${formatTokens(u.inputTokens + u.outputTokens)} tok ${formatCost(u.cost)}`;

function scheduleLines(s: DashboardData['schedules'], sel: DashboardSelection): PanelLine[] {
  if (!s.present) return [line('absent', 'no scheduled_tasks table in this file', 'muted')];
  return [
    line('due', `${formatCount(s.dueCount)} due now`, s.dueCount > 0 ? 'warning' : 'muted'),
    ...s.due.map((d) => row(`  ${inert(d.taskType)} ${inert(d.command)} ${inert(d.userName ?? d.userId)} ${formatRelative(d.nextExecutionAt)}`, `due:${d.id}`, sel)),
    line('failed', `${formatCount(s.failedCount)} failed`, s.failedCount > 0 ? 'danger' : 'muted'),
    ...s.failed.map((d) => row(`  ${inert(d.taskType)} ${inert(d.command)} ${inert(d.userName ?? d.userId)}`, `failed:${d.id}`, sel)),
  ];
}

function statusLines(totals: StepsState<DashboardTotals>, width: number): PanelLine[] {
  if (totals.status === 'working') return [line('counting', 'counting…', 'muted')];
  if (totals.status === 'error') return [line('error', `Error: ${inert(totals.error)}`, 'danger')];
  const byStatus = totals.value.byStatus;
  if (byStatus.length === 0) return [line('none', 'no tasks', 'muted')];
  const max = Math.max(0, ...byStatus.map((s) => s.count));
  const labelWidth = 10;
  return byStatus.map((s) => ({
    key: s.status,
    node: (
      <Bar key={s.status} label={s.status} value={s.count} max={max} width={Math.max(3, width - labelWidth - 10)} labelWidth={labelWidth} tone={statusTone(s.status)} text={formatCount(s.count)} />
    ),
  }));
}

/** At most `budget` of a panel's lines, the selected one among them, and how many are hidden. */
function Lines({ lines, budget, selected }: { lines: PanelLine[]; budget: number; selected?: string }) {
  const c = clipLines(
    lines,
    budget,
    lines.findIndex((l) => l.key === selected),
  );
  const hidden = c.above + c.below;
  return (
    <>
      {c.shown.map((l) => l.node)}
      {hidden > 0 && c.shown.length < budget ? <ToneText tone="muted" wrap="truncate-end">{`… ${hidden} more`}</ToneText> : null}
    </>
  );
}

/** 1 Dashboard: what is happening, what it costs, what needs attention. */
export function DashboardView({ data, totals, selection, width, height }: { data: DashboardData; totals: StepsState<DashboardTotals>; selection: DashboardSelection; width: number; height: number }) {
  const sel = selection;
  const left = Math.floor((width - 2) / 2);
  const right = width - 2 - left;
  const week = totals.status === 'ready' ? usageLine('7 days', totals.value.week, left) : `${'7 days'.padEnd(7)} counting…`;
  const status = statusLines(totals, left);
  const running =
    data.running.length === 0
      ? [line('none', 'nothing running', 'muted')]
      : data.running.map((t) => row(`${t.id.slice(0, 14)} ${inert(t.botName)} ${inert(t.command)} ${inert(t.projectName ?? '')} ${formatRelative(t.updatedAt)}`, `task:${t.id}`, sel));
  const usage = [line('today', usageLine('today', data.today, left)), line('week', week, totals.status === 'ready' ? undefined : 'muted')];
  const schedules = scheduleLines(data.schedules, sel);
  const audit =
    data.audit.length === 0
      ? [line('none', 'no audit events', 'muted')]
      : data.audit.map((a) =>
          row(
            `${formatTime(a.timestamp)}  ${inert(a.action).padEnd(26)} ${inert(a.userName ?? a.userId ?? '-').padEnd(12)} ${inert(a.resourceType)} ${inert(a.resourceId ?? '')}`,
            `audit:${a.id}`,
            sel,
          ),
        );
  const { budgets, gap } = dashboardLayout([Math.max(status.length, running.length), Math.max(usage.length, schedules.length), audit.length], height);
  const [top, middle, bottom] = budgets as [number, number, number];
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <Box flexShrink={0} marginBottom={gap}>
        <Panel title="Tasks by status" width={left} lines={top} gap={2}>
          <Lines lines={status} budget={top} />
        </Panel>
        <Panel title={title(`Running now (${data.running.length})`, 'running', sel)} width={right} lines={top}>
          <Lines lines={running} budget={top} selected={sel.selected ?? undefined} />
        </Panel>
      </Box>
      <Box flexShrink={0} marginBottom={gap}>
        <Panel title="Tokens and cost" width={left} lines={middle} gap={2}>
          <Lines lines={usage} budget={middle} />
        </Panel>
        <Panel title={title('Schedules', 'schedules', sel)} width={right} lines={middle}>
          <Lines lines={schedules} budget={middle} selected={sel.selected ?? undefined} />
        </Panel>
      </Box>
      <Panel title={title('Latest audit events', 'audit', sel)} width={width} lines={bottom}>
        <Lines lines={audit} budget={bottom} selected={sel.selected ?? undefined} />
      </Panel>
    </Box>
  );
}
