import { UsageError } from '../../db/errors.js';
import type { Command, CommandContext } from './context.js';
import { COMMANDS, isCommandName, mainHelp, type CommandName } from './help.js';
import { reportError } from './report.js';
import { packageVersion } from './version.js';

/** Global flags that take a value: the token after them is not the command. */
const VALUE_FLAGS = new Set(['--db', '--as']);

/** The index of the command word in argv, or -1 when there is none (flags only). */
export function findCommand(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return -1;
    if (VALUE_FLAGS.has(a)) i++;
    else if (!a.startsWith('-')) return i;
  }
  return -1;
}

/**
 * Each command's module, one literal import apiece: the bundle (npm run build) makes each its own
 * chunk, loaded only when that command runs.
 */
const LOADERS: Readonly<Record<CommandName | 'console', () => Promise<{ default: Command }>>> = {
  console: () => import('../commands/console.js'),
  history: () => import('../commands/history.js'),
  'log-prompt': () => import('../commands/log-prompt.js'),
  migrate: () => import('../commands/migrate.js'),
  doctor: () => import('../commands/doctor.js'),
  demo: () => import('../commands/demo.js'),
};

async function load(name: CommandName | 'console'): Promise<Command> {
  try {
    return (await LOADERS[name]()).default;
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { url?: string };
    if (err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes(`commands/${name}.js`)) {
      throw new UsageError(`the ${name === 'console' ? 'interactive console' : `${name} command`} is not part of this build`);
    }
    throw e;
  }
}

/**
 * Runs the binary: a subcommand by name, else the interactive console. Loads only the chosen
 * command's modules, so subcommands never pay for Ink and React. Returns the exit code.
 */
export async function main(argv: string[], ctx: CommandContext): Promise<number> {
  try {
    const at = findCommand(argv);
    const before = at < 0 ? argv : argv.slice(0, at);
    if (before.includes('--version')) {
      ctx.stdout.write(packageVersion() + '\n');
      return 0;
    }
    if (at < 0 && (before.includes('--help') || before.includes('-h'))) {
      ctx.stdout.write(mainHelp());
      return 0;
    }
    if (at < 0) return await (await load('console'))(argv, ctx);
    const name = argv[at]!;
    if (!isCommandName(name)) {
      throw new UsageError(`unknown command ${JSON.stringify(name)}; commands: ${COMMANDS.map((c) => c.name).join(', ')} (see --help)`);
    }
    const rest = [...argv.slice(0, at), ...argv.slice(at + 1)];
    return await (
      await load(name)
    )(rest, ctx);
  } catch (e) {
    return reportError(e, ctx);
  }
}
