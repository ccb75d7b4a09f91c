import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { DB } from '../connection.js';
import { shapedTables } from '../tables.js';
import type { AuditLogRow } from '../types.js';
import { contains, type ListSource } from './keyset.js';
import { offeredSorts, sortInForce, sortOrder, tableRows, textKey, type ListSort, type SortAsk, type SortKeys } from './sort.js';
import { userNameKey, userNameOf, userNameSql } from './user-names.js';
import { keysetSource } from './keyset-source.js';
import { cleanCells, textOrNull, type CellKind } from '../cells.js';
import { cleanTableRow } from './table-cells.js';
import { startsWith } from './keyset.js';

export interface AuditFilter {
  /** an action, or its start (`api-key` finds `api-key:revoked` and `api-key:cleanup`) */
  readonly action?: string;
  readonly user?: string;
  readonly resourceType?: string;
  readonly resourceId?: string;
  /** literal text in the action, resource id or metadata */
  readonly text?: string;
}

/** One line of the audit list: the metadata cut to its start, and who acted by name. */
export type AuditListItem = AuditLogRow & {
  /** users.slack_username of userId; null when no user has that id */
  userName: string | null;
};

export const METADATA_PREVIEW_CHARS = 200;

const AUDIT_CELLS = {
  id: 'number',
  action: 'text',
  userId: 'text?',
  resourceType: 'text',
  resourceId: 'text?',
  metadata: 'text',
  timestamp: 'time',
  userName: 'text?',
} as const satisfies Record<keyof AuditListItem, CellKind>;

function auditWhere(db: DB, f: AuditFilter): SQL | undefined {
  const c = shapedTables(db.$client).auditLogs.table;
  return and(
    f.action ? or(eq(c.action, f.action), startsWith(c.action, f.action)) : undefined,
    f.user ? eq(c.userId, f.user) : undefined,
    f.resourceType ? eq(c.resourceType, f.resourceType) : undefined,
    f.resourceId ? eq(c.resourceId, f.resourceId) : undefined,
    f.text ? or(contains(c.action, f.text), contains(c.resourceId, f.text), contains(c.metadata, f.text)) : undefined,
  );
}

export const isEmptyAuditFilter = (f: AuditFilter): boolean => !f.action && !f.user && !f.resourceType && !f.resourceId && !f.text;

/** The columns the audit list sorts by: time is the id (the rowid), the others sort the matching rows per page. */
function auditSortKeys(db: DB): SortKeys {
  const c = shapedTables(db.$client).auditLogs.table;
  return {
    time: { key: c.id, first: 'desc', indexed: true },
    action: { key: textKey(c.action), first: 'asc' },
    user: { key: userNameKey(db, c.userId), first: 'asc' },
    type: { key: textKey(c.resourceType), first: 'asc' },
    resource: { key: textKey(c.resourceId), first: 'asc' },
  };
}

export const AUDIT_DEFAULT_SORT: ListSort = { by: 'time', direction: 'desc' };

/**
 * Newest first by id, which is the rowid: production has no index on audit_logs, and rowid order
 * is the one every page can seek without one. Other columns sort while the table is small (sort.ts).
 */
export function auditListSource(db: DB, filter: AuditFilter, asked?: SortAsk): ListSource<AuditListItem> {
  const t = shapedTables(db.$client).auditLogs;
  const c = t.table;
  const where = auditWhere(db, filter);
  const keys = auditSortKeys(db);
  const sorts = offeredSorts(keys, tableRows(db, t.name, t.exists));
  const sort = sortInForce(keys, asked, sorts, AUDIT_DEFAULT_SORT);
  return keysetSource({
    db,
    table: t,
    order: sortOrder(keys, sort, c.id),
    where,
    sorts,
    sort,
    read: (k, limit, o) => {
      const rows = db
        .select({
          id: c.id,
          action: c.action,
          userId: c.userId,
          resourceType: c.resourceType,
          resourceId: c.resourceId,
          // substr of a BLOB is a BLOB: its marker is made below.
          metadata: sql<unknown>`substr(${c.metadata}, 1, ${METADATA_PREVIEW_CHARS})`,
          timestamp: c.timestamp,
          userName: userNameSql(db, c.userId),
          sortKey: sql<string | number>`${o.key}`,
        })
        .from(c)
        .where(k.where)
        .orderBy(...k.orderBy)
        .limit(limit)
        .all();
      return rows.map(({ sortKey, ...r }) => ({ item: cleanCells(r, AUDIT_CELLS) as AuditListItem, cursor: { key: sortKey, id: r.id } }));
    },
    unfiltered: isEmptyAuditFilter(filter),
  });
}

/** An audit row with its metadata as formatted JSON lines, or the raw text when it is not JSON. */
export interface AuditEntry {
  row: AuditLogRow;
  /** users.slack_username of the row's user_id; null when no user has that id */
  userName: string | null;
  metadata: { ok: true; lines: string[] } | { ok: false; raw: string };
}

export function formatMetadata(cell: unknown): AuditEntry['metadata'] {
  const raw = textOrNull(cell);
  if (raw == null || raw === '') return { ok: true, lines: ['{}'] };
  if (typeof cell !== 'string') return { ok: false, raw };
  try {
    return { ok: true, lines: JSON.stringify(JSON.parse(raw) as unknown, null, 2).split('\n') };
  } catch {
    return { ok: false, raw };
  }
}

/** One audit row in full; undefined when it is not there. */
export function auditEntry(db: DB, id: number): AuditEntry | undefined {
  const t = shapedTables(db.$client).auditLogs;
  if (!t.exists) return undefined;
  const row = db.select().from(t.table).where(eq(t.table.id, id)).get();
  if (!row) return undefined;
  const clean = cleanTableRow(t, row);
  return { row: clean, userName: userNameOf(db, clean.userId), metadata: formatMetadata(row.metadata) };
}
