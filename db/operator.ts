import { PermissionError } from './errors.js';

export type Role = 'admin' | 'developer' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'developer', 'viewer'];

/**
 * Who is at the console. `id` is written as audit_logs.user_id (a Slack user id when given with
 * --as or BEMATIC_OPERATOR, else the OS user name). An unknown operator acts as admin.
 */
export interface Operator {
  readonly id: string;
  readonly role: Role;
  /** a row of users matched --as */
  readonly known: boolean;
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
