import { userInfo } from 'node:os';
import type { DB } from '../connection.js';
import { ROLES, type Operator, type Role } from '../operator.js';
import { UserRepository } from '../repositories/users.js';
import type { UserRow } from '../types.js';

export interface OperatorOptions {
  /** --as: a Slack user id */
  as?: string;
  env: NodeJS.ProcessEnv;
  readOnly: boolean;
}

/** An unexpected role in a real row grants nothing rather than everything. */
const roleOf = (user: UserRow): Role => ((ROLES as readonly string[]).includes(user.role) ? (user.role as Role) : 'viewer');

function osUserName(env: NodeJS.ProcessEnv): string {
  try {
    return userInfo().username;
  } catch {
    return env.USER || env.LOGNAME || 'unknown';
  }
}

/**
 * Who is at the console: --as, else BEMATIC_OPERATOR (a Slack user id), else the OS user name.
 * A known user's role and active flag apply; anyone else acts as admin.
 */
export function resolveOperator(db: DB, opts: OperatorOptions): Operator {
  const named = opts.as?.trim() || opts.env.BEMATIC_OPERATOR?.trim() || undefined;
  if (!named) return { id: osUserName(opts.env), role: 'admin', known: false, active: true, readOnly: opts.readOnly };
  const user = new UserRepository(db).findBySlackUserId(named);
  if (!user) return { id: named, role: 'admin', known: false, active: true, readOnly: opts.readOnly };
  return { id: named, role: roleOf(user), known: true, active: user.active, readOnly: opts.readOnly };
}

/** The operator as the database says now: a known user may have been demoted or deactivated meanwhile. */
export function currentOperator(db: DB, op: Operator): Operator {
  if (!op.known) return op;
  const user = new UserRepository(db).findBySlackUserId(op.id);
  if (!user) return { ...op, active: false };
  return { ...op, role: roleOf(user), active: user.active };
}
