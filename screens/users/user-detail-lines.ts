import type { DetailLine } from '../../components/DetailLines.js';
import { inert } from '../../components/text/inert.js';
import { formatCount, formatTime } from '../../components/text/format.js';
import { statusTone } from '../../components/theme/index.js';
import type { UserDetail, UserTaskCounts } from '../../db/views/users.js';
import { roleTone } from './user-list.js';

/** A recent task line opens that task with Enter. */
export const taskLink = (id: string): string => `task:${id}`;

/**
 * The user detail as lines: the row and recent tasks as links (permissions per project are a
 * table: UserPermissionsTable). `counts` is null while they are being read.
 */
export function userDetailLines(d: UserDetail, counts: UserTaskCounts | null): DetailLine[] {
  const u = d.user;
  const lines: DetailLine[] = [
    { label: 'user', text: inert(u.slackUsername) },
    { label: 'slack id', text: inert(u.slackUserId) },
    { label: 'id', text: u.id },
    { label: 'role', text: `${inert(u.role)}${d.lastActiveAdmin ? '  (the last active admin: cannot be demoted or deactivated)' : ''}`, tone: roleTone(u.role) },
    { label: 'active', text: u.active ? 'yes' : 'no (denied everything)', tone: u.active ? 'success' : 'danger' },
    { label: 'rate limit', text: u.rateLimitOverride == null ? 'default' : `${u.rateLimitOverride} (override)` },
    { label: 'created', text: `${formatTime(u.createdAt)}  updated ${formatTime(u.updatedAt)}` },
    counts ? { label: 'tasks', text: `${formatCount(counts.total)} in all, ${formatCount(counts.running)} running` } : { label: 'tasks', text: 'counting…', tone: 'muted' },
    { label: '', text: '' },
  ];
  if (d.recentTasks.length === 0) lines.push({ label: 'recent', text: 'no tasks', tone: 'muted' });
  d.recentTasks.forEach((t, i) =>
    lines.push({
      label: i === 0 ? 'recent' : undefined,
      text: `${formatTime(t.createdAt)} ${t.status.padEnd(9)} ${inert(t.command)}: ${inert(t.prompt)}`,
      tone: statusTone(t.status),
      link: taskLink(t.id),
    }),
  );
  return lines;
}
