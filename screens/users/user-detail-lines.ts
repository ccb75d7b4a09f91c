import type { DetailLine } from '../../components/DetailLines.js';
import { inert } from '../../components/text/inert.js';
import { formatCount, formatTime } from '../../components/text/format.js';
import { statusTone } from '../../components/theme/index.js';
import type { UserDetail } from '../../db/views/users.js';
import { roleTone } from './user-list.js';

/** A recent task line opens that task with Enter. */
export const taskLink = (id: string): string => `task:${id}`;

/** The user detail as lines: the row and recent tasks as links (permissions per project are a table: UserPermissionsTable). */
export function userDetailLines(d: UserDetail): DetailLine[] {
  const u = d.user;
  const lines: DetailLine[] = [
    { label: 'user', text: inert(u.slackUsername) },
    { label: 'slack id', text: inert(u.slackUserId) },
    { label: 'id', text: u.id },
    { label: 'role', text: `${inert(u.role)}${d.lastActiveAdmin ? '  (the last active admin: cannot be demoted or deactivated)' : ''}`, tone: roleTone(u.role) },
    { label: 'active', text: u.active ? 'yes' : 'no (denied everything)', tone: u.active ? 'success' : 'danger' },
    { label: 'rate limit', text: u.rateLimitOverride == null ? 'default' : `${u.rateLimitOverride} (override)` },
    { label: 'created', text: `${formatTime(u.createdAt)}  updated ${formatTime(u.updatedAt)}` },
    { label: 'tasks', text: `${formatCount(d.counts.total)} in all, ${formatCount(d.counts.running)} running` },
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
