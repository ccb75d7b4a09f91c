import { openDatabase, type Connection } from '../../db/connection.js';
import { UsageError } from '../../db/errors.js';
import type { GlobalFlags } from './args.js';
import type { CommandContext } from './context.js';

/** Opens the file a subcommand works on: `--db` over DATABASE_URL; never creates one. */
export function openForCommand(globals: GlobalFlags, ctx: CommandContext, mode: { writes: boolean; command: string }): Connection {
  if (mode.writes && globals.readOnly) throw new UsageError(`${mode.command} writes to the database and cannot run with --read-only`);
  // A command that only reads opens read-only: it can then never change the file, whatever happens.
  return openDatabase({ path: globals.db, readOnly: !mode.writes || globals.readOnly, env: ctx.env });
}
