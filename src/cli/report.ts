import { BematicError, describeSqliteError } from '../../db/errors.js';
import type { CommandContext } from './context.js';
import { inert } from './plain-text.js';

/** One sentence on stderr and the exit code: a BematicError's own, 1 for anything else. */
export function reportError(err: unknown, ctx: CommandContext): number {
  const known = err instanceof BematicError ? err : describeSqliteError(err);
  const debug = (ctx.env.DEBUG ?? '') !== '';
  if (known) {
    ctx.stderr.write(`bematic-console: ${oneLine(known.message)}\n`);
    if (debug && known.stack) ctx.stderr.write(known.stack + '\n');
    return known.exitCode;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  ctx.stderr.write(`bematic-console: unexpected error: ${oneLine(e.message)}${debug ? '' : ' (set DEBUG=1 for details)'}\n`);
  if (debug && e.stack) ctx.stderr.write(e.stack + '\n');
  return 1;
}

// A message may quote a path or a value as typed or stored (an escape sequence in --db, a
// hostile row): its first line is shown inert, as the console shows stored text.
const oneLine = (s: string): string => inert(s.split('\n')[0]!.trim());
