import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import Database from 'better-sqlite3';
import type { Command, CommandContext } from '../cli/context.js';
import { parseCommandArgs } from '../cli/args.js';
import { openDatabase, resolveDatabasePath, wrapDatabase, type DB } from '../../db/connection.js';
import { resolveOperator } from '../../db/actions/operator.js';
import { changeRefusal, type Operator } from '../../db/operator.js';
import { PermissionError } from '../../db/errors.js';
import type { GlobalFlags } from '../cli/args.js';
import { inert } from '../cli/plain-text.js';
import { auditMigration } from '../../db/migrate/audit.js';
import { BematicError, UsageError, describeSqliteError } from '../../db/errors.js';
import { planMigration, type MigrationPlan } from '../../db/migrate/plan.js';
import { applyMigration, type MigrationProgress } from '../../db/migrate/apply.js';
import { describeMode, describePlan } from '../../db/migrate/describe.js';
import { LONG_LOCK_SECONDS } from '../../db/migrate/steps.js';

const HELP = `Usage: bematic-console migrate [--dry-run] [--yes] [--db PATH] [--as SLACK_USER_ID]

Brings the database up to the console's schema, additively: creates missing tables, columns,
indexes and the prompt search index; adopts a database the Bematic service created (records the
committed migrations in the console's own journal, __bematic_console_migrations); never changes
or deletes an existing row. Indexes the service's boot also creates get the service's names;
an index the console made that another index duplicates is dropped (never one of the service's).
Rows an older console wrote into the service's __drizzle_migrations are moved to the console's
journal, so the service's own drizzle migrations apply again. Prints its plan first. A missing
file is created with the full schema.

It is an operator's change: the operator (--as, else BEMATIC_OPERATOR, else the OS user) must
not be a viewer or inactive, and one schema:migrated audit row lists what was added.

Options:
  --dry-run   print the plan and change nothing (any operator)
  --yes       do not ask before a step that holds the write lock for seconds (a big index)
  --db PATH   the database (else DATABASE_URL, else ./data/bematic.db)
  --as ID     the operator, a Slack user id
  --help      this text

Exit codes: 0 done or up to date, 1 failed, 2 bad usage.
`;

const options = { 'dry-run': { type: 'boolean' }, yes: { type: 'boolean', short: 'y' } } as const;

const migrate: Command = async (argv, ctx) => {
  const { values, globals } = parseCommandArgs(argv, options);
  if (globals.help) {
    ctx.stdout.write(HELP);
    return 0;
  }
  if (globals.readOnly) throw new UsageError('migrate changes the database, so it cannot run with --read-only; use --dry-run to see its plan');
  const path = resolveDatabasePath(globals.db, ctx.env);
  const dryRun = values['dry-run'] === true;
  const isNew = !existsSync(path);
  // the path and index names come from the operator and the file: shown escaped, never run by the terminal
  const out = (line = ''): boolean => ctx.stdout.write(inert(line) + '\n');

  if (dryRun) {
    const plan = withSqliteErrors(path, () => planOn(path, isNew));
    printPlan(out, path, plan, isNew);
    if (plan.steps.length) out('Dry run: nothing was changed.');
    return 0;
  }

  // the operator is checked before anything is created or changed
  const op = isNew ? operatorOnEmpty(globals, ctx) : undefined;
  const conn = openDatabase({ path, create: true, env: ctx.env });
  try {
    const operator = op ?? operatorOf(conn.db, globals, ctx);
    const plan = withSqliteErrors(path, () => planMigration(conn.sqlite));
    printPlan(out, path, plan, conn.created);
    if (!plan.steps.length) return 0;
    if (plan.longestLockSeconds >= LONG_LOCK_SECONDS && values.yes !== true) await confirmLongLock(ctx, plan);
    const progress = progressWriter(ctx);
    const result = withSqliteErrors(path, () => applyMigration(conn.sqlite, plan, progress.report));
    progress.end();
    withSqliteErrors(path, () => auditMigration(conn.db, operator, plan));
    out(`Migrated ${path}: ${result.applied} step${result.applied === 1 ? '' : 's'} in ${result.seconds.toFixed(1)} s; it now matches the schema.`);
    return 0;
  } finally {
    conn.close();
  }
};

export default migrate;

/** Who runs migrate, as every other change resolves it; a viewer or an inactive user is refused. */
function operatorOf(db: DB, globals: GlobalFlags, ctx: CommandContext): Operator {
  const op = resolveOperator(db, { as: globals.as, env: ctx.env, readOnly: false });
  const why = changeRefusal(op);
  if (why) throw new PermissionError(`migrate changes the schema and ${why}; nothing was changed (--dry-run shows the plan)`);
  return op;
}

/** A file that does not exist yet has no users: the operator is resolved against an empty database. */
function operatorOnEmpty(globals: GlobalFlags, ctx: CommandContext): Operator {
  const mem = new Database(':memory:');
  try {
    return operatorOf(wrapDatabase(mem), globals, ctx);
  } finally {
    mem.close();
  }
}

/** Plans without touching the file: a missing one is planned as an empty database. */
function planOn(path: string, isNew: boolean): MigrationPlan {
  if (isNew) {
    const mem = new Database(':memory:');
    try {
      return planMigration(mem);
    } finally {
      mem.close();
    }
  }
  const conn = openDatabase({ path, readOnly: true });
  try {
    return planMigration(conn.sqlite);
  } finally {
    conn.close();
  }
}

function printPlan(out: (line?: string) => boolean, path: string, plan: MigrationPlan, isNew: boolean): void {
  if (!plan.steps.length) {
    out(`${path} is up to date: nothing to do.`);
    for (const w of plan.warnings) out(`  ! ${w}`);
    return;
  }
  out(`Database: ${path}${isNew ? ' (does not exist yet: migrate creates it)' : ''}`);
  out(`It is ${describeMode(plan.mode)}.`);
  for (const line of describePlan(plan)) out(line);
}

async function confirmLongLock(ctx: CommandContext, plan: MigrationPlan): Promise<void> {
  const secs = Math.ceil(plan.longestLockSeconds);
  const stop = `one step holds the write lock for about ${secs} s, so the service's writes would wait`;
  if (!ctx.stdin.isTTY) {
    throw new BematicError(`stopped before changing anything: ${stop}; stop the service, then run again with --yes`);
  }
  const rl = createInterface({ input: ctx.stdin, output: ctx.stderr });
  try {
    const answer = await rl.question(`${stop[0]!.toUpperCase()}${stop.slice(1)}. Is the service stopped? Continue? [y/N] `);
    if (!/^y(es)?$/i.test(answer.trim())) throw new BematicError('stopped before changing anything, as asked');
  } finally {
    rl.close();
  }
}

/** One line per step on stderr; on a terminal it rewrites the line, with batch progress. */
function progressWriter(ctx: CommandContext): { report: (p: MigrationProgress) => void; end: () => void } {
  const tty = (ctx.stderr as { isTTY?: boolean }).isTTY === true;
  let last = 0;
  const line = (p: MigrationProgress): string => {
    const part = p.of ? ` ${p.done ?? 0}/${p.of}` : '';
    return inert(`[${p.step}/${p.total}] ${p.description}${part}`);
  };
  return {
    report: (p) => {
      if (!tty) {
        if (p.done === undefined) ctx.stderr.write(line(p) + '\n');
        return;
      }
      const now = Date.now();
      if (p.done !== undefined && p.done !== p.of && now - last < 100) return; // a terminal needs no more than 10 repaints a second
      last = now;
      ctx.stderr.write(`\r\x1b[2K${line(p)}`);
    },
    end: () => {
      if (tty) ctx.stderr.write('\r\x1b[2K');
    },
  };
}

/** A SQLite error in the middle becomes one sentence; earlier steps stay applied, the failed one is rolled back. */
function withSqliteErrors<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof BematicError) throw e;
    throw describeSqliteError(e, path) ?? new BematicError(`migrate stopped: ${(e as Error).message}; the steps before it are applied, run migrate again once fixed`, { cause: e });
  }
}
