import { and, desc, eq, gt, max } from 'drizzle-orm';
import type { DB } from '../connection.js';
import type { Operator } from '../operator.js';
import { shapedTables } from '../tables.js';
import { readUndoEntry } from './undo-entry.js';

/** The newest audit id (0 when none): taken before an action, so the entry it writes can be found after. */
export function latestAuditId(db: DB): number {
  const t = shapedTables(db.$client).auditLogs;
  if (!t.exists) return 0;
  return (
    db
      .select({ id: max(t.table.id) })
      .from(t.table)
      .get()?.id ?? 0
  );
}

/**
 * The entry an action of this operator just wrote after `since`, when it is one the console can
 * undo (the flash line then offers `u undo`); null for anything else.
 */
export function undoOffer(db: DB, op: Operator, since: number): number | null {
  const t = shapedTables(db.$client).auditLogs;
  if (!t.exists) return null;
  const row = db
    .select()
    .from(t.table)
    .where(and(gt(t.table.id, since), eq(t.table.userId, op.id)))
    .orderBy(desc(t.table.id))
    .limit(1)
    .get();
  return row && readUndoEntry(row).ok ? row.id : null;
}
