import { wrapDatabase, type Connection } from '../../db/connection.js';
import type { GlobalFlags } from './args.js';
import type { CommandContext } from './context.js';
import { openFileForCommand, type CommandMode } from './open-file.js';

/** Opens the file a subcommand works on (see openFileForCommand) and wraps it for drizzle's repositories. */
export function openForCommand(globals: GlobalFlags, ctx: CommandContext, mode: CommandMode): Connection {
  const file = openFileForCommand(globals, ctx, mode);
  return { ...file, db: wrapDatabase(file.sqlite) };
}
