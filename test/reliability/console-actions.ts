import type Database from 'better-sqlite3';
import type { DB } from '../../db/connection.js';
import { ConflictError, ValidationError } from '../../db/errors.js';
import type { Operator } from '../../db/operator.js';
import { cancelTask, revokeApiKey, generateApiKey, cleanupApiKeys, pauseSchedule, resumeSchedule, cancelSchedule, changeUserRole, setUserActive, updateProject } from '../../db/actions/index.js';
import { logPrompt, completePrompt } from '../../db/actions/prompts.js';
import { TRANSITION_FROM } from '../../db/repositories/scheduled-tasks-transitions.js';
import { PROJECTS, type Seeded } from './concurrent-seed.js';

/** What one console change did: applied (with the audit row it must have left), refused, or failed. */
export type Outcome =
  | { kind: 'applied'; action: string; resourceId: string | null }
  | { kind: 'conflict'; action: string; message: string; stateAfter: string }
  | { kind: 'refused'; action: string; message: string }
  | { kind: 'failed'; action: string; error: string };

interface Attempt {
  /** the audit action name it writes when applied */
  action: string;
  run(): string | null;
  /** on ConflictError: the state that justified it, read at once (every state here only moves forward) */
  justify?(): string;
  /** whether that state really refuses the change */
  refuses?(state: string): boolean;
}

const pickFrom = <T>(xs: readonly T[], n: number): T => xs[n % xs.length]!;

/** Builds the n-th console change: every kind of change the console makes, over rows the service is writing. */
export function attemptFor(db: DB, sqlite: Database.Database, op: Operator, seeded: Seeded, n: number): Attempt {
  const one = (sql: string, ...args: unknown[]): string | undefined =>
    sqlite
      .prepare(sql)
      .pluck()
      .get(...args) as string | undefined;
  const schedule = (statuses?: string): string => (statuses && one(`SELECT id FROM scheduled_tasks WHERE status IN (${statuses}) ORDER BY random() LIMIT 1`)) || pickFrom(seeded.schedules, n * 7);
  const scheduleState = (id: string) => () => one('SELECT status FROM scheduled_tasks WHERE id = ?', id) ?? 'missing';
  const kinds: (() => Attempt)[] = [
    () => {
      const id = one("SELECT id FROM tasks WHERE status IN ('pending','queued','running','completed') ORDER BY random() LIMIT 1")!;
      return {
        action: 'task:cancelled',
        run: () => cancelTask(db, op, id).task.id,
        justify: () => one('SELECT status FROM tasks WHERE id = ?', id)!,
        refuses: (s) => !['pending', 'queued', 'running'].includes(s),
      };
    },
    () => {
      const id = n % 5 === 0 ? (one('SELECT id FROM api_keys ORDER BY random() LIMIT 1') ?? pickFrom(seeded.keys, n)) : pickFrom(seeded.keys, n * 13);
      const state = () => {
        const r = one('SELECT revoked FROM api_keys WHERE id = ?', id);
        return r === undefined ? 'missing' : r ? 'revoked' : 'valid';
      };
      return { action: 'api-key:revoked', run: () => revokeApiKey(db, op, id).id, justify: state, refuses: (s) => s !== 'valid' };
    },
    () => ({ action: 'api-key:generated', run: () => generateApiKey(db, op, `agent-${n % 4}`, new Date(Date.now() + 1500 + (n % 7) * 300)).row.id }),
    () => {
      const id = schedule("'pending','active'");
      return { action: 'scheduled_task.paused', run: () => pauseSchedule(db, op, id).id, justify: scheduleState(id), refuses: (s) => !(TRANSITION_FROM.pause as readonly string[]).includes(s) };
    },
    () => {
      const id = schedule("'paused'");
      return {
        action: 'scheduled_task.resumed',
        run: () => resumeSchedule(db, op, id, { fireNow: true }).row.id,
        justify: scheduleState(id),
        refuses: (s) => !(TRANSITION_FROM.resume as readonly string[]).includes(s),
      };
    },
    () => {
      const id = pickFrom(seeded.schedules, n * 11);
      return { action: 'scheduled_task.cancelled', run: () => cancelSchedule(db, op, id).id, justify: scheduleState(id), refuses: (s) => !(TRANSITION_FROM.cancel as readonly string[]).includes(s) };
    },
    () => {
      const id = pickFrom(seeded.users, n * 3);
      return { action: 'user:role-changed', run: () => changeUserRole(db, op, id, pickFrom(['admin', 'developer', 'viewer'], n)).id };
    },
    () => {
      const id = pickFrom(seeded.users, n * 5);
      const active = one('SELECT active FROM users WHERE id = ?', id) as unknown as number;
      return { action: active ? 'user:deactivated' : 'user:reactivated', run: () => setUserActive(db, op, id, !active).id };
    },
    () => ({ action: 'prompt:logged', run: () => String(logPrompt(db, op, `Console prompt ${n}`, { category: 'research', tags: ['race'] }).id) }),
    () => {
      const id = Number(one("SELECT id FROM prompt_history WHERE execution_status = 'pending' ORDER BY random() LIMIT 1") ?? 1);
      return { action: 'prompt:completed', run: () => String(completePrompt(db, op, id, { notes: 'done', actualDurationMinutes: n % 30 }).id) };
    },
    () => ({ action: 'project:updated', run: () => updateProject(db, op, PROJECTS[n % 2]!.id, { defaultMaxBudget: 1 + (n % 9) }).id }),
  ];
  if (n % 40 === 39) return { action: 'api-key:cleanup', run: () => (cleanupApiKeys(db, op), null) };
  return kinds[n % kinds.length]!();
}

/** Runs one attempt and says what happened; only a domain refusal is an expected failure. */
export function perform(attempt: Attempt): Outcome {
  try {
    return { kind: 'applied', action: attempt.action, resourceId: attempt.run() };
  } catch (e) {
    const message = (e as Error).message;
    if (e instanceof ConflictError) return { kind: 'conflict', action: attempt.action, message, stateAfter: attempt.justify?.() ?? '' };
    if (e instanceof ValidationError) return { kind: 'refused', action: attempt.action, message };
    return { kind: 'failed', action: attempt.action, error: `${(e as Error).name} ${(e as { code?: string }).code ?? ''}: ${message}` };
  }
}

export function refusesAsClaimed(attempt: Attempt, outcome: Outcome): boolean {
  return outcome.kind !== 'conflict' || !attempt.refuses || attempt.refuses(outcome.stateAfter);
}
