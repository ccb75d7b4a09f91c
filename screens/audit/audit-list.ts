import type { Column } from '../../components/ListView.js';
import { formatTime } from '../../components/text/format.js';
import type { DB } from '../../db/connection.js';
import { auditListSource, type AuditListItem } from '../../db/views/audit.js';
import type { ParsedFilter } from '../../src/hooks/filter-query.js';
import type { SortAsk } from '../../db/views/sort.js';

/** `action:api-key user:U123 type:task resource:task_…`; free text is looked for in action, resource and metadata. */
export const AUDIT_FILTER_FIELDS = ['action', 'user', 'type', 'resource'] as const;

export const auditSource = (db: DB, f: ParsedFilter, sort?: SortAsk) =>
  auditListSource(
    db,
    {
      action: f.fields.action,
      user: f.fields.user,
      resourceType: f.fields.type,
      resourceId: f.fields.resource,
      text: f.text || undefined,
    },
    sort,
  );

/** The sorts of the audit list's columns, left to right (db/views/audit.ts; time is the id order). */
export const AUDIT_SORTABLE = ['time', 'action', 'user', 'type', 'resource'] as const;

/** Who acted: the username from users, else the Slack id itself (the entry shows both). */
export const auditUser = (a: Pick<AuditListItem, 'userId' | 'userName'>): string => a.userName ?? a.userId ?? '-';

/** Below this width the year goes and the ids are cut shorter, so the metadata keeps a little room. */
const WIDE = 110;

/** When narrow the metadata goes first (the entry shows it whole), then the resource, type and user: time and action always show. */
export function auditColumns(width: number): Column<AuditListItem>[] {
  const wide = width >= WIDE;
  return [
    { header: 'Time', width: wide ? 16 : 11, value: (a) => formatTime(a.timestamp).slice(wide ? 0 : 5), sort: 'time' },
    { header: 'Action', width: wide ? 24 : 20, value: (a) => a.action, sort: 'action' },
    { header: 'User', width: 11, value: auditUser, sort: 'user', drop: 4 },
    { header: 'Type', width: wide ? 14 : 10, value: (a) => a.resourceType, sort: 'type', drop: 3 },
    { header: 'Resource', width: wide ? 26 : 14, value: (a) => a.resourceId ?? '-', sort: 'resource', drop: 2 },
    { header: 'Metadata', width: 0, value: (a) => a.metadata, drop: 1 },
  ];
}
