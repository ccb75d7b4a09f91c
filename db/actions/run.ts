import type { DB } from '../connection.js';
import { writeTransaction } from '../connection.js';
import { BematicError, ConflictError, describeSqliteError } from '../errors.js';
import { assertAdmin, assertMayChange, type Operator } from '../operator.js';
import { AuditLogRepository } from '../repositories/audit-logs.js';
import type { AuditLogRow } from '../types.js';
import { currentOperator } from './operator.js';

/** null: any operator who may change things; a phrase ("change roles"): admins only. */
export type Permission = null | string;

function check(op: Operator, adminFor: Permission): void {
  if (adminFor === null) assertMayChange(op);
  else assertAdmin(op, adminFor);
}

/**
 * One operator action: permission first, then ONE short IMMEDIATE transaction in which the
 * operator is checked again against the users table and `fn` re-reads, checks, writes and audits.
 */
export function runAction<T>(db: DB, op: Operator, adminFor: Permission, fn: (op: Operator) => T): T {
  check(op, adminFor);
  try {
    return writeTransaction(db, () => {
      const now = currentOperator(db, op);
      check(now, adminFor);
      return fn(now);
    });
  } catch (e) {
    if (e instanceof BematicError) throw e;
    throw describeSqliteError(e) ?? e;
  }
}

/** The audit row of an action, with the operator as user_id. */
export function audit(db: DB, op: Operator, action: string, resourceType: string, resourceId: string | null, metadata: Record<string, unknown>): AuditLogRow {
  return new AuditLogRepository(db).log(action, resourceType, resourceId, op.id, metadata);
}

/** The fields named, from a row: the before/after of an audit row. */
export function pick<T extends object, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = row[k];
  return out;
}

/**
 * Compare-and-set: when the caller says what it saw, refuse if the row differs now
 * (the service wrote in between) so nothing is applied on stale information.
 */
export function assertUnchanged<T extends object>(what: string, current: T, expected: Partial<T> | undefined): void {
  if (!expected) return;
  for (const [k, v] of Object.entries(expected) as [keyof T & string, unknown][]) {
    if (!sameValue(current[k], v)) {
      throw new ConflictError(`${what} changed since it was shown (${k} is now ${display(current[k])}); nothing was changed`);
    }
  }
}

const sameValue = (a: unknown, b: unknown): boolean => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

const display = (v: unknown): string => (v instanceof Date ? v.toISOString() : (JSON.stringify(v) ?? 'unset'));
