import type { Column } from '../../components/ListView.js';
import { formatTime } from '../../components/text/format.js';
import type { DB } from '../../db/connection.js';
import { auditListSource, type AuditListItem } from '../../db/views/audit.js';
import type { ParsedFilter } from '../../src/hooks/filter-query.js';

/** `action:api-key user:U123 type:task resource:task_…`; free text is looked for in action, resource and metadata. */
export const AUDIT_FILTER_FIELDS = ['action', 'user', 'type', 'resource'] as const;

export const auditSource = (db: DB, f: ParsedFilter) =>
  auditListSource(db, {
    action: f.fields.action,
    user: f.fields.user,
    resourceType: f.fields.type,
    resourceId: f.fields.resource,
    text: f.text || undefined,
  });

export const auditColumns: readonly Column<AuditListItem>[] = [
  { header: 'Time', width: 16, value: (a) => formatTime(a.timestamp) },
  { header: 'Action', width: 24, value: (a) => a.action },
  { header: 'User', width: 12, value: (a) => a.userId ?? '-' },
  { header: 'Type', width: 14, value: (a) => a.resourceType },
  { header: 'Resource', width: 26, value: (a) => a.resourceId ?? '-' },
  { header: 'Metadata', width: 0, value: (a) => a.metadata },
];
