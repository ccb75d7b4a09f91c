import type { Column } from '../../components/ListView.js';
import { formatCount } from '../../components/text/format.js';
import type { DB } from '../../db/connection.js';
import type { UserRow } from '../../db/types.js';
import { userListSource, type UserPageExtras, type UserPermissionLine } from '../../db/views/users.js';
import type { ParsedFilter } from '../../src/hooks/filter-query.js';
import type { SortAsk } from '../../db/views/sort.js';

/** `role:admin`, `active:no`; free text matches the Slack username or id. */
export const USER_FILTER_FIELDS = ['role', 'active'] as const;

const YES = ['yes', 'y', 'true', '1'];
const NO = ['no', 'n', 'false', '0'];

function activeField(v: string | undefined): boolean | undefined {
  const s = v?.toLowerCase();
  return s === undefined ? undefined : YES.includes(s) ? true : NO.includes(s) ? false : undefined;
}

export const userSource = (db: DB, f: ParsedFilter, sort?: SortAsk) => userListSource(db, { role: f.fields.role, active: activeField(f.fields.active), text: f.text || undefined }, sort);

/** The sorts of the users list's columns, left to right (db/views/users.ts); counts and permissions are read per page, not sorted. */
export const USER_SORTABLE = ['user', 'id', 'role', 'active', 'limit'] as const;

/** `web: read,write`, or the raw text when the JSON is malformed. */
export function permissionText(p: UserPermissionLine): string {
  const list = p.permissions.ok ? p.permissions.value.join(',') || 'none' : `(raw) ${p.permissions.raw}`;
  return `${p.projectName ?? p.projectId}: ${list}`;
}

export const roleTone = (role: string) => (role === 'admin' ? ('accent' as const) : role === 'viewer' ? ('muted' as const) : undefined);

/**
 * Row fields, then counts and permissions from the page's extras (… until they are read). When the
 * terminal is narrow the counts and limits go first, then the permissions, then the Slack id: the
 * name, role and active flag always show.
 */
export function userColumns(extras: UserPageExtras | null): Column<UserRow>[] {
  const count = (u: UserRow, f: (c: { total: number; running: number }) => number): string => (extras ? formatCount(f(extras.counts.get(u.slackUserId) ?? { total: 0, running: 0 })) : '…');
  return [
    { header: 'User', width: 16, value: (u) => u.slackUsername, sort: 'user' },
    { header: 'Slack id', width: 12, value: (u) => u.slackUserId, sort: 'id', drop: 5 },
    { header: 'Role', width: 9, value: (u) => u.role, tone: (u) => roleTone(u.role), sort: 'role' },
    { header: 'Active', width: 6, value: (u) => (u.active ? 'yes' : 'no'), tone: (u) => (u.active ? 'success' : 'danger'), sort: 'active' },
    { header: 'Limit', width: 5, value: (u) => (u.rateLimitOverride == null ? '-' : String(u.rateLimitOverride)), align: 'right', sort: 'limit', drop: 2 },
    { header: 'Tasks', width: 7, value: (u) => count(u, (c) => c.total), align: 'right', drop: 4 },
    { header: 'Run', width: 4, value: (u) => count(u, (c) => c.running), align: 'right', drop: 1 },
    { header: 'Projects', width: 0, value: (u) => (extras ? (extras.permissions.get(u.id) ?? []).map(permissionText).join('; ') || '-' : '…'), min: 10, drop: 3 },
  ];
}
