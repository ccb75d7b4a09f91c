import type { DetailLine } from '../../components/DetailLines.js';
import { inert } from '../../components/text/inert.js';
import { formatCost, formatCount, formatTime } from '../../components/text/format.js';
import { statusTone } from '../../components/theme/index.js';
import type { ProjectDetail } from '../../db/views/project-detail.js';
import type { ProjectTaskStats } from '../../db/views/projects.js';
import type { Route } from '../../src/app/navigation.js';
import { secondsTime } from '../api-keys/api-key-list.js';

/** A line of the project detail; one with a route opens it with Enter. */
export interface ProjectLine extends DetailLine {
  readonly route?: Route;
}

const to = (screen: string, params: Record<string, string>): Route => ({ screen, params });
const yes = (b: boolean): string => (b ? 'yes' : 'no');
/** The first line of a prompt, as stored text made safe to show. */
const firstLine = (s: string): string => inert(s.split('\n', 1)[0] ?? '');
const blank: ProjectLine = { label: '', text: '' };

function settings(d: ProjectDetail): ProjectLine[] {
  const p = d.project;
  const railway = [p.railwayProjectId, p.railwayServiceId, p.railwayEnvironmentId].filter(Boolean).map((v) => inert(String(v)));
  return [
    { label: 'project', text: inert(p.name) },
    { label: 'id', text: inert(p.id) },
    { label: 'active', text: yes(p.active), tone: p.active ? undefined : 'muted' },
    { label: 'channel', text: inert(p.slackChannelId) },
    { label: 'path', text: inert(p.localPath) },
    { label: 'agent', text: inert(p.agentId) },
    { label: 'model', text: inert(p.defaultModel) },
    { label: 'budget', text: `${formatCost(p.defaultMaxBudget)} per task` },
    { label: 'commit', text: p.autoCommitPush ? 'commits and pushes when done' : 'no auto commit' },
    ...(p.isNetsuite ? [{ label: 'netsuite', text: 'yes' }] : []),
    ...(railway.length ? [{ label: 'railway', text: railway.join(' / ') }] : []),
    { label: 'created', text: `${formatTime(p.createdAt)}  updated ${formatTime(p.updatedAt)}` },
  ];
}

function tasks(d: ProjectDetail, stats: ProjectTaskStats | null): ProjectLine[] {
  const counts = stats
    ? `${formatCount(stats.total)} task${stats.total === 1 ? '' : 's'}, ${formatCount(stats.active)} open, ${formatCount(stats.failed)} failed, ${formatCost(stats.cost)} spent`
    : 'counting…';
  return [
    { label: 'tasks', text: `${counts}: Enter lists them`, route: to('tasks', { filter: `project:${d.project.id}` }) },
    ...d.tasks.map((t) => ({
      text: `${t.status.padEnd(10)} ${formatTime(t.createdAt)}  ${inert(t.command)}  ${firstLine(t.prompt)}`,
      tone: statusTone(t.status),
      route: to('task', { taskId: t.id }),
    })),
  ];
}

function schedules(d: ProjectDetail): ProjectLine[] {
  if (d.schedules === null) return [{ label: 'schedules', text: 'no scheduled_tasks table in this file', tone: 'muted' }];
  const n = d.scheduleCount;
  const head: ProjectLine = {
    label: 'schedules',
    text: `${formatCount(n)} schedule${n === 1 ? '' : 's'}${n ? ': Enter lists them' : ''}`,
    route: n ? to('schedules', { filter: `project:${d.project.id}` }) : undefined,
  };
  return [
    head,
    ...d.schedules.map((s) => ({
      text: `${s.status.padEnd(10)} ${inert(s.taskType)}  next ${s.nextExecutionAt ? `${formatTime(s.nextExecutionAt)} UTC` : 'none'}  ${firstLine(s.prompt)}`,
      tone: statusTone(s.status),
      route: to('schedule', { scheduleId: s.id }),
    })),
  ];
}

function keys(d: ProjectDetail): ProjectLine[] {
  if (d.keys === null) return [{ label: 'keys', text: 'no api_keys table in this file', tone: 'muted' }];
  const list = to('api-keys', { filter: `agent:${d.project.agentId}` });
  return [
    {
      label: 'keys',
      text: `${formatCount(d.keyCount)} key${d.keyCount === 1 ? '' : 's'} of agent ${inert(d.project.agentId)}${d.keyCount ? ': Enter lists them' : ''}`,
      route: d.keyCount ? list : undefined,
    },
    ...d.keys.map((k) => ({ text: `${k.state.padEnd(8)} ${k.maskedKey}  created ${secondsTime(k.createdAt, '?')}`, tone: statusTone(k.state), route: list })),
  ];
}

/** The project: its settings, then its tasks, schedules and keys, each a line Enter opens. */
export function projectDetailLines(d: ProjectDetail, stats: ProjectTaskStats | null): ProjectLine[] {
  return [...settings(d), blank, ...tasks(d, stats), blank, ...schedules(d), blank, ...keys(d)];
}
