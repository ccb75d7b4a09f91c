import { openSqliteFile, type SqliteFile } from '../../db/open-file.js';
import { UsageError } from '../../db/errors.js';
import type { GlobalFlags } from './args.js';
import type { CommandContext } from './context.js';
import { refuseMissingDefault } from './no-database.js';

export interface CommandMode {
  readonly writes: boolean;
  readonly command: string;
}

/**
 * Opens the file a subcommand works on: `--db` over DATABASE_URL; never creates one. The plain
 * better-sqlite3 handle, no drizzle: commands that only read (history) load nothing more.
 */
export function openFileForCommand(globals: GlobalFlags, ctx: CommandContext, mode: CommandMode): SqliteFile {
  if (mode.writes && globals.readOnly) throw new UsageError(`${mode.command} writes to the database and cannot run with --read-only`);
  refuseMissingDefault(globals.db, ctx.env, mode.command); // after --demo: name the demo file rather than suggest an empty one
  // A command that only reads opens read-only: it can then never change the file, whatever happens.
  return openSqliteFile({ path: globals.db, readOnly: !mode.writes || globals.readOnly, env: ctx.env });
}
