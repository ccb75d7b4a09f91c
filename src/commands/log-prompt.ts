import type { Command, CommandContext } from '../cli/context.js';
import { parseCommandArgs } from '../cli/args.js';
import { openForCommand } from '../cli/database.js';
import { readAll } from '../cli/stdin.js';
import { UsageError, ValidationError } from '../../db/errors.js';
import { logPrompt, validateNewPrompt } from '../../db/actions/prompts.js';
import { resolveOperator } from '../../db/actions/operator.js';
import type { LogPromptOptions } from '../../db/repositories/prompt-history.js';
import { PROMPT_CATEGORIES } from '../../db/repositories/prompt-history-values.js';

const HELP = `Usage: bematic-console log-prompt TEXT [flags]

Logs a prompt to the history (status pending) and prints its id. TEXT - reads it from stdin.

  --category NAME   one of ${PROMPT_CATEGORIES.join(', ')}
  --tag TAG         a tag (repeat for more)
  --context TEXT    additional context or notes
  --file PATH       a related file (repeat for more)

  --db PATH         the database file (default: DATABASE_URL, else ./data/bematic.db)
  --as USER_ID      the operator written to the audit log (default: BEMATIC_OPERATOR, else your OS user)
  -h, --help        this help
`;

const options = {
  category: { type: 'string' },
  tag: { type: 'string', multiple: true },
  context: { type: 'string' },
  file: { type: 'string', multiple: true },
} as const;

async function promptText(positionals: string[], ctx: CommandContext): Promise<string> {
  if (positionals.length === 0) throw new UsageError('log-prompt needs the prompt text (or - to read it from stdin)');
  if (positionals.length > 1) throw new UsageError('give the prompt text as one argument (quote it)');
  const arg = positionals[0]!;
  return arg === '-' ? (await readAll(ctx.stdin)).replace(/(\r?\n)+$/, '') : arg;
}

/** `bematic-console log-prompt`: the spec's prompt logger, audited as `prompt:logged`. */
const logPromptCommand: Command = async (argv, ctx) => {
  const { values: v, positionals, globals } = parseCommandArgs(argv, options, true);
  if (globals.help) {
    ctx.stdout.write(HELP);
    return 0;
  }
  const text = await promptText(positionals, ctx);
  const opts: LogPromptOptions = { category: v.category, tags: v.tag, context: v.context, relatedFiles: v.file };
  try {
    validateNewPrompt(text, opts);
  } catch (e) {
    // Bad input on the command line is a usage error (exit 2), as DESIGN.md says.
    if (e instanceof ValidationError) throw new UsageError(e.message);
    throw e;
  }
  const conn = openForCommand(globals, ctx, { writes: true, command: 'log-prompt' });
  try {
    const op = resolveOperator(conn.db, { as: globals.as, env: ctx.env, readOnly: false });
    const row = logPrompt(conn.db, op, text, opts);
    ctx.stdout.write(`${row.id}\n`);
    return 0;
  } finally {
    conn.close();
  }
};

export default logPromptCommand;
