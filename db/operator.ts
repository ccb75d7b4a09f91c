import { PermissionError } from './errors.js';

export type Role = 'admin' | 'developer' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'developer', 'viewer'];

/** Where the operator's id came from. */
export type OperatorSource = 'as' | 'env' | 'os';

/**
 * Who is at the console. `id` is written as audit_logs.user_id (a Slack user id when given with
 * --as or BEMATIC_OPERATOR, which must name a row of users, else the OS user name, acting as admin).
 */
export interface Operator {
  readonly id: string;
  readonly role: Role;
  /** a row of users matched --as */
  readonly known: boolean;
  /** users.slack_username of that row */
  readonly name?: string | null;
  readonly source?: OperatorSource;
  readonly active: boolean;
  /** --read-only: every action is hidden and refused */
  readonly readOnly: boolean;
}

/** Whether this operator may change anything at all; the reason when not. */
export function changeRefusal(op: Operator): string | null {
  if (op.readOnly) return 'the console is read-only (--read-only)';
  if (!op.active) return `operator ${op.id} is inactive`;
  if (op.role === 'viewer') return `operator ${op.id} is a viewer and can change nothing`;
  return null;
}

export function assertMayChange(op: Operator): void {
  const why = changeRefusal(op);
  if (why) throw new PermissionError(why);
}

export function assertAdmin(op: Operator, what: string): void {
  assertMayChange(op);
  if (op.role !== 'admin') throw new PermissionError(`only an admin may ${what}`);
}

/** How the header names the operator: `U123 (alice, admin)`, `root (OS user, not in users: admin)`. */
export function operatorLabel(op: Operator): string {
  if (op.source === 'os') return `${op.id} (OS user, not in users: ${op.role})`;
  const parts = [op.name, op.role, op.known && !op.active ? 'inactive' : null].filter((p): p is string => typeof p === 'string' && p !== '');
  return `${op.id} (${parts.join(', ')})`;
}
