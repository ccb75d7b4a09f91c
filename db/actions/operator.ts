import { userInfo } from 'node:os';
import type { DB } from '../connection.js';
import { UsageError } from '../errors.js';
import { ROLES, type Operator, type OperatorSource, type Role } from '../operator.js';
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

/** A user whose id differs only in case or surrounding spaces: what a typo most likely meant. */
function nearId(db: DB, named: string): string | undefined {
  try {
    const row = db.$client.prepare('SELECT slack_user_id FROM users WHERE lower(trim(slack_user_id)) = lower(trim(?)) LIMIT 1').pluck().get(named);
    return typeof row === 'string' ? row : undefined;
  } catch {
    return undefined; // no users table: nothing to suggest
  }
}

function unknownOperator(db: DB, named: string, source: Exclude<OperatorSource, 'os'>): UsageError {
  const flag = source === 'as' ? '--as' : 'BEMATIC_OPERATOR';
  const near = nearId(db, named);
  const hint = near !== undefined ? `did you mean ${JSON.stringify(near)}? ` : '';
  const path = /^[\w./-]+$/.test(db.$client.name) ? db.$client.name : `'${db.$client.name.replace(/'/g, `'\\''`)}'`;
  return new UsageError(
    `${flag} ${JSON.stringify(named)} names no user in users (Slack ids are compared exactly, as the service does); ${hint}` +
      `find the ids on the Users screen (4) of the console opened without --as, or with sqlite3 ${path} "select slack_user_id, slack_username from users"`,
  );
}

/**
 * Who is at the console: --as, else BEMATIC_OPERATOR (a Slack user id), else the OS user name.
 * A Slack id must name a row of users, compared exactly as the service compares them (its
 * findBySlackUserId is `slack_user_id = ?`): that user's role and active flag apply. Anything
 * else is refused with a UsageError rather than acting as admin. The OS user, named by nobody,
 * acts as admin.
 */
export function resolveOperator(db: DB, opts: OperatorOptions): Operator {
  const fromEnv = opts.env.BEMATIC_OPERATOR;
  const [named, source]: [string | undefined, OperatorSource] = opts.as !== undefined ? [opts.as, 'as'] : fromEnv !== undefined && fromEnv !== '' ? [fromEnv, 'env'] : [undefined, 'os'];
  if (named === undefined || source === 'os') {
    return { id: osUserName(opts.env), role: 'admin', known: false, active: true, readOnly: opts.readOnly, source: 'os' };
  }
  const user = named === '' ? undefined : new UserRepository(db).findBySlackUserId(named);
  if (!user) throw unknownOperator(db, named, source);
  return { id: named, role: roleOf(user), known: true, active: user.active, readOnly: opts.readOnly, name: user.slackUsername, source };
}

/** The operator as the database says now: a known user may have been demoted or deactivated meanwhile. */
export function currentOperator(db: DB, op: Operator): Operator {
  if (!op.known) return op;
  const user = new UserRepository(db).findBySlackUserId(op.id);
  if (!user) return { ...op, active: false };
  return { ...op, role: roleOf(user), active: user.active };
}
