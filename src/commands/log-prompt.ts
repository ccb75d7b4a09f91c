import type { Command, CommandContext } from '../cli/context.js';
import { parseCommandArgs } from '../cli/args.js';
import { openForCommand } from '../cli/database.js';
import { describeBytes, readAll } from '../cli/stdin.js';
import { UsageError, ValidationError } from '../../db/errors.js';
import { logPrompt, validateNewPrompt } from '../../db/actions/prompts.js';
import { resolveOperator } from '../../db/actions/operator.js';
import type { LogPromptOptions } from '../../db/repositories/prompt-history.js';
import { PROMPT_CATEGORIES } from '../../db/repositories/prompt-history-values.js';

/** The most bytes of UTF-8 that the prompt text, or its context, may hold: 1 MB. */
export const MAX_TEXT_BYTES = 1024 * 1024;

const HELP = `Usage: bematic-console log-prompt TEXT [flags]

Logs a prompt to the history (status pending) and prints its id. TEXT - reads it from stdin.
TEXT and --context are each at most ${describeBytes(MAX_TEXT_BYTES)} and must be valid
UTF-8; anything else is refused (exit 2) and nothing is logged.

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
  if (arg !== '-') return arg;
  return readAll(ctx.stdin, 'the prompt text', MAX_TEXT_BYTES);
}

/**
 * Node reads argv as UTF-8 and turns bytes that are not into U+FFFD, so that character is how
 * invalid UTF-8 in an argument shows; it is refused rather than stored in place of what was meant.
 */
function checkText(label: string, text: string | undefined): void {
  if (text === undefined) return;
  if (Buffer.byteLength(text, 'utf8') > MAX_TEXT_BYTES) throw new UsageError(`${label} is over the limit of ${describeBytes(MAX_TEXT_BYTES)}`);
  if (text.includes('\ufffd')) throw new UsageError(`${label} is not valid UTF-8 (it holds U+FFFD, which invalid bytes become); convert it first (e.g. iconv -t UTF-8)`);
}

/** `bematic-console log-prompt`: the spec's prompt logger, audited as `prompt:logged`. */
const logPromptCommand: Command = async (argv, ctx) => {
  const { values: v, positionals, globals } = parseCommandArgs(argv, options, true);
  if (globals.help) {
    ctx.stdout.write(HELP);
    return 0;
  }
  const text = await promptText(positionals, ctx);
  checkText('the prompt text', text);
  checkText('--context', v.context);
  for (const t of v.tag ?? []) checkText('--tag', t);
  for (const f of v.file ?? []) checkText('--file', f);
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
