import type { DetailLine } from '../../components/DetailLines.js';
import { inert } from '../../components/text/inert.js';
import { wrapLines } from '../../components/text/wrap.js';
import { formatCost, formatCount, formatTime } from '../../components/text/format.js';
import { statusTone } from '../../components/theme/index.js';
import type { TaskDetail } from '../../db/views/task-detail.js';
import type { Parsed } from '../../db/json.js';

/** A link line's target: `task:ID` or `session:ID`. */
export const linkTo = (kind: 'task' | 'session', id: string): string => `${kind}:${id}`;

function block(label: string, text: string | null, width: number, tone?: DetailLine['tone']): DetailLine[] {
  if (!text) return [];
  return wrapLines(inert(text, true), width).map((line, i) => ({ label: i === 0 ? label : undefined, text: line, tone }));
}

function list(label: string, parsed: Parsed<string[]>, width: number): DetailLine[] {
  if (!parsed.ok) return block(label, `(not a JSON list, shown raw) ${parsed.raw}`, width, 'warning');
  if (parsed.value.length === 0) return [{ label, text: 'none', tone: 'muted' }];
  return parsed.value.map((v, i) => ({ label: i === 0 ? label : undefined, text: `• ${inert(v)}` }));
}

/** The task detail as lines: fields, long texts wrapped to `width`, relatives and sessions as links. */
export function taskDetailLines(d: TaskDetail, width: number): DetailLine[] {
  const t = d.task;
  const overBudget = t.estimatedCost > t.maxBudget;
  const share = t.maxBudget > 0 ? ` (${Math.round((t.estimatedCost / t.maxBudget) * 100)}%)` : '';
  const lines: DetailLine[] = [
    { label: 'task', text: t.id },
    { label: 'status', text: t.status, tone: statusTone(t.status) },
    { label: 'project', text: `${inert(d.projectName ?? '?')} (${t.projectId})` },
    { label: 'bot', text: `${inert(t.botName)} ${inert(t.command)}` },
    { label: 'user', text: d.userName === null ? inert(t.slackUserId) : `${inert(d.userName)} (${inert(t.slackUserId)})` },
    { label: 'created', text: `${formatTime(t.createdAt)}  updated ${formatTime(t.updatedAt)}${t.completedAt ? `  completed ${formatTime(t.completedAt)}` : ''}` },
    { label: 'tokens', text: `${formatCount(t.inputTokens)} in, ${formatCount(t.outputTokens)} out` },
    { label: 'cost', text: `${formatCost(t.estimatedCost)} of ${formatCost(t.maxBudget)} budget${share}`, tone: overBudget ? 'danger' : undefined },
  ];
  if (d.parent) lines.push({ label: 'parent', text: `${d.parent.id} ${d.parent.status} ${inert(d.parent.command)}`, link: linkTo('task', d.parent.id) });
  lines.push({ label: '', text: '' }, ...block('prompt', t.prompt, width));
  lines.push(...block('result', t.result, width));
  lines.push(...block('error', t.errorMessage, width, 'danger'));
  lines.push({ label: '', text: '' }, ...list('files', d.filesChanged, width), ...list('commands', d.commandsRun, width));
  lines.push({ label: '', text: '' });
  if (d.subtasks.length === 0) lines.push({ label: 'subtasks', text: 'none', tone: 'muted' });
  d.subtasks.forEach((s, i) => lines.push({ label: i === 0 ? 'subtasks' : undefined, text: `${s.id} ${s.status} ${inert(s.command)}`, link: linkTo('task', s.id) }));
  if (d.sessions.length === 0) lines.push({ label: 'sessions', text: 'none', tone: 'muted' });
  d.sessions.forEach((s, i) =>
    lines.push({
      label: i === 0 ? 'sessions' : undefined,
      text: `${s.id} ${s.status} ${inert(s.model)} ${formatCost(s.estimatedCost)}`,
      link: linkTo('session', s.id),
    }),
  );
  return lines;
}
