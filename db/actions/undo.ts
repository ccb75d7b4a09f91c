import { and, desc, eq, gt } from 'drizzle-orm';
import type { DB } from '../connection.js';
import { BematicError, ConflictError, ValidationError } from '../errors.js';
import { assertAdmin, assertMayChange, type Operator } from '../operator.js';
import { shapedTables } from '../tables.js';
import type { AuditLogRow } from '../types.js';
import { audit, runAction, type Permission } from './run.js';
import { readUndoEntry, sameValue, shown, type UndoEntry } from './undo-entry.js';
import type { Prepared, Preparer, UndoChange } from './undo-plan.js';
import { prepareApiKey, prepareProject, prepareUser } from './undo-targets.js';
import { prepareSchedule } from './undo-schedules.js';

export type { UndoChange } from './undo-plan.js';

/** What undoing an audit entry will do, for the confirmation. */
export interface UndoPlan {
  readonly entryId: number;
  readonly entryAction: string;
  /** the row it changes: `user dev (U_DEV)` */
  readonly target: string;
  /** each field from its value now back to the entry's before */
  readonly changes: readonly UndoChange[];
  /** the audit action the undo writes (its metadata names the entry: `undoes`) */
  readonly action: string;
  readonly note?: string;
}

export type UndoCheck = { readonly ok: true; readonly plan: UndoPlan } | { readonly ok: false; readonly reason: string };

export interface UndoResult {
  readonly plan: UndoPlan;
  /** the undo's own audit row */
  readonly audit: AuditLogRow;
}

const PREPARERS: Readonly<Record<string, Preparer>> = {
  user: prepareUser,
  api_key: prepareApiKey,
  scheduled_task: prepareSchedule,
  project: prepareProject,
};

type Outcome = { ok: true; entry: UndoEntry; prepared: Prepared } | { ok: false; reason: string; conflict: boolean };

function auditRow(db: DB, id: number): AuditLogRow | undefined {
  const t = shapedTables(db.$client).auditLogs;
  return t.exists ? db.select().from(t.table).where(eq(t.table.id, id)).get() : undefined;
}

/** Who changed the row since the entry, if the audit log knows: the newest entry on that resource after it. */
function changedBy(db: DB, entry: UndoEntry): string {
  const c = shapedTables(db.$client).auditLogs.table;
  const last = db
    .select()
    .from(c)
    .where(and(eq(c.resourceType, entry.resourceType), eq(c.resourceId, entry.resourceId), gt(c.id, entry.row.id)))
    .orderBy(desc(c.id))
    .limit(1)
    .get();
  if (!last) return 'no audit entry after it says who (the service or a hand edit)';
  return `last changed in #${last.id} (${last.action}) by ${last.userId ?? 'an unnamed user'} at ${last.timestamp}`;
}

/** The entry, what undoing it writes, and whether its row still holds the entry's after values. */
function prepare(db: DB, id: number): Outcome {
  const row = auditRow(db, id);
  if (!row) return { ok: false, reason: `audit entry #${id} is not in this database`, conflict: false };
  const read = readUndoEntry(row);
  if (!read.ok) return { ...read, conflict: false };
  const entry = read.value;
  const prepared = PREPARERS[entry.resourceType]!(db, entry);
  if (!prepared.ok) return { ...prepared, conflict: true };
  const p = prepared.value;
  const moved = p.compare.filter((f) => !sameValue(p.current[f], entry.after[f]));
  if (moved.length > 0) {
    const what = moved.map((f) => `${f} is now ${shown(p.current[f])}, not ${shown(entry.after[f])}`).join(', ');
    return { ok: false, reason: `${p.target} changed since: ${what}; ${changedBy(db, entry)}`, conflict: true };
  }
  return { ok: true, entry, prepared: p };
}

const planOf = (entry: UndoEntry, p: Prepared): UndoPlan => ({
  entryId: entry.row.id,
  entryAction: entry.row.action,
  target: p.target,
  changes: p.changes,
  action: p.action,
  ...(p.note ? { note: p.note } : {}),
});

function checkOperator(op: Operator, permission: Permission, p: Prepared): void {
  if (permission === null) assertMayChange(op);
  else assertAdmin(op, permission);
  p.authorize?.(op);
}

/**
 * Whether this operator can undo the entry now, and what it would write: read only, for the
 * confirmation. The refusal is one sentence (irreversible, made by the service, changed since, not allowed).
 */
export function planUndo(db: DB, op: Operator, id: number): UndoCheck {
  const o = prepare(db, id);
  if (!o.ok) return { ok: false, reason: o.reason };
  try {
    checkOperator(op, o.prepared.permission, o.prepared);
  } catch (e) {
    if (e instanceof BematicError) return { ok: false, reason: e.message };
    throw e;
  }
  return { ok: true, plan: planOf(o.entry, o.prepared) };
}

/**
 * Undoes one console change from its audit entry: in one IMMEDIATE transaction the entry and
 * its row are read again, the row must still hold the entry's after values, the before values
 * are written under the permission of the change itself, and the undo's own audit row (the same
 * action as the change it makes, metadata `{before, after, undoes: <entry id>}`) can be undone in turn.
 */
export function undoAuditEntry(db: DB, op: Operator, id: number): UndoResult {
  const refuse = (o: Extract<Outcome, { ok: false }>): never => {
    const text = `cannot undo #${id}: ${o.reason}; nothing was changed`;
    throw o.conflict ? new ConflictError(text) : new ValidationError(text);
  };
  const first = prepare(db, id);
  if (!first.ok) return refuse(first);
  return runAction(db, op, first.prepared.permission, (now) => {
    const o = prepare(db, id);
    if (!o.ok) return refuse(o);
    const { entry, prepared } = o;
    checkOperator(now, prepared.permission, prepared);
    const metadata = prepared.apply();
    const row = audit(db, now, prepared.action, entry.resourceType, entry.resourceId, { ...metadata, undoes: id });
    return { plan: planOf(entry, prepared), audit: row };
  });
}
