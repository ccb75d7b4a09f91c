import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command, CommandContext } from '../cli/context.js';
import { parseCommandArgs } from '../cli/args.js';
import { openDatabase, type Connection } from '../../db/connection.js';
import { UsageError, describeSqliteError } from '../../db/errors.js';
import { assertFileReadable, watchCorruption } from '../../db/file-health.js';
import { resolveOperator } from '../../db/actions/operator.js';
import { themeFor } from '../../components/theme/tokens.js';
import type { TerminalControl } from '../app/terminal.js';
import { refuseMissingDefault } from '../cli/no-database.js';
import { INK_RENDER_OPTIONS } from '../app/render-options.js';

const HELP = `Usage: bematic-console [--db PATH] [--read-only] [--as SLACK_USER_ID] [--no-color]
       bematic-console --demo

The interactive console on the database (a terminal is needed; scripts use the subcommands).
Press ? inside for every key, : to jump to a screen, q to quit, Ctrl-C to quit from anywhere,
Ctrl-Z to suspend to the shell (fg comes back).

Options:
  --demo        make ./data/demo.db with demo data if it is missing, then open it
  --db PATH     the database (else DATABASE_URL, else ./data/bematic.db); never created here
  --read-only   open the file read-only: every action is hidden, nothing changes
  --as ID       the operator: a Slack user id of users, exactly as stored (else BEMATIC_OPERATOR;
                else the OS user, acting as admin); the header says which applies
  --no-color    no colours (NO_COLOR is honoured too)
`;

export const DEMO_PATH = './data/demo.db';

// Alternate screen on/off and cursor on: what a terminal needs back, whatever happened.
const ENTER_ALT = '\u001b[?1049h';
const LEAVE_ALT = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';
const HIDE_CURSOR = '\u001b[?25l';
const CLEAR_HOME = '\u001b[2J\u001b[H';
// Bracketed paste: the terminal wraps a paste in ESC [200~ … ESC [201~, so it arrives as one text
// (src/keymap/key-chunks.ts) rather than as keys: a paste onto a list runs no commands.
const PASTE_ON = '\u001b[?2004h';
const PASTE_OFF = '\u001b[?2004l';

/** `--demo`: the demo database, generated once with a progress line on stderr. */
async function ensureDemo(path: string, ctx: CommandContext): Promise<void> {
  if (existsSync(path)) return;
  const { generateDemo, DEMO_DEFAULT_SCALE } = await import('../demo/generate.js');
  const { progressLine } = await import('../demo/progress-line.js');
  ctx.stderr.write(`Making demo data in ${path} (once)…\n`);
  const line = progressLine(ctx.stderr);
  try {
    generateDemo(path, { scale: DEMO_DEFAULT_SCALE, progress: line.report });
  } finally {
    line.end();
  }
}

const consoleCommand: Command = async (argv, ctx) => {
  const { values, globals } = parseCommandArgs(argv, { demo: { type: 'boolean' } });
  if (globals.help) {
    ctx.stdout.write(HELP);
    return 0;
  }
  if (!ctx.stdin.isTTY || !ctx.stdout.isTTY) {
    throw new UsageError('the interactive console needs a terminal; in scripts use a subcommand (history, log-prompt, migrate, doctor, demo; see --help)');
  }
  const path = values.demo === true ? resolve(globals.db ?? DEMO_PATH) : globals.db;
  if (values.demo === true) await ensureDemo(path!, ctx);
  else refuseMissingDefault(globals.db, ctx.env, ''); // after --demo, plain bematic-console names the demo file
  const conn = openDatabase({ path, readOnly: globals.readOnly, env: ctx.env });
  try {
    // a corrupt file is refused in one sentence here rather than shown as SQLite's errors on screen
    assertFileReadable(conn.sqlite, conn.path);
    const operator = resolveOperator(conn.db, { as: globals.as, env: ctx.env, readOnly: globals.readOnly });
    return await runInk(conn, operator, themeFor(globals.noColor, ctx.env), ctx);
  } finally {
    conn.close();
  }
};

export default consoleCommand;

/**
 * Renders the app; the terminal is restored on quit, Ctrl-C, SIGINT, SIGTERM, SIGHUP and on an
 * uncaught error. Ctrl-Z (and SIGTSTP) restore it too and stop the process; `fg` (SIGCONT) sets it
 * up again and redraws, as htop and vim do.
 */
async function runInk(conn: Connection, operator: ReturnType<typeof resolveOperator>, theme: ReturnType<typeof themeFor>, ctx: CommandContext): Promise<number> {
  // React's development build doubles the cost of every frame; DEBUG keeps it for its warnings.
  if (!ctx.env.DEBUG) process.env.NODE_ENV ??= 'production';
  // Ink draws only its last frame, at exit, when CI is set (is-in-ci, read as Ink loads); an
  // operator at a terminal (checked above) on a CI runner or in our own CI's tmux needs every frame.
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  // Ink and React load here only: the subcommands never pay for them.
  // React is CommonJS: its default export is the module in node and in the bundle alike (the
  // bundle's chunk for it exports nothing else).
  const [{ render }, { default: React }, { App }] = await Promise.all([import('ink'), import('react'), import('../app/App.js')]);
  const stdout = ctx.stdout as NodeJS.WriteStream;
  const stdin = ctx.stdin as NodeJS.ReadStream;
  // Corruption met while browsing: leave (unmount, terminal restored) and say it in one sentence.
  let corrupt: unknown;
  watchCorruption(conn.sqlite, (e) => {
    corrupt = e;
    setImmediate(() => app.unmount()); // not from inside the render or hook that met it
  });
  const terminal = suspendable(stdin, stdout);
  // The alternate screen keeps the cursor where the shell left it (the line below the command):
  // Ink draws its first frame from the cursor, so home it first or that frame sits one line low.
  stdout.write(ENTER_ALT + PASTE_ON + CLEAR_HOME);
  const app = render(React.createElement(App, { db: conn.db, sqlite: conn.sqlite, path: conn.path, readOnly: conn.readOnly, operator, theme, terminal }), {
    stdout,
    stdin,
    stderr: ctx.stderr as NodeJS.WriteStream,
    exitOnCtrlC: false,
    patchConsole: true,
    ...INK_RENDER_OPTIONS,
  });
  let restored = false;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    terminal.stop();
    try {
      app.unmount();
    } catch {
      /* already unmounted */
    }
    if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
    stdout.write(PASTE_OFF + SHOW_CURSOR + LEAVE_ALT);
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    restore();
    conn.close();
    process.exit(128 + (signal === 'SIGTERM' ? 15 : signal === 'SIGINT' ? 2 : 1));
  };
  const onCrash = (e: unknown): void => {
    restore();
    conn.close();
    const said = describeSqliteError(e, conn.path)?.message ?? (e instanceof Error ? e.message : String(e));
    ctx.stderr.write(`bematic-console: ${said}\n`);
    if (ctx.env.DEBUG && e instanceof Error) ctx.stderr.write(`${e.stack}\n`);
    process.exit(1);
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal); // from outside: in raw mode Ctrl-C is a key, not this signal
  process.once('SIGHUP', onSignal);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  try {
    await app.waitUntilExit();
    if (corrupt !== undefined) throw describeSqliteError(corrupt, conn.path) ?? corrupt;
    return 0;
  } catch (e) {
    throw describeSqliteError(e, conn.path) ?? e;
  } finally {
    restore();
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    process.off('SIGHUP', onSignal);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  }
}

/**
 * Ctrl-Z for a raw-mode program: the terminal driver no longer turns it into SIGTSTP, so the key
 * (or a SIGTSTP sent from outside) restores the terminal, then stops the process with the signal's
 * default action; on SIGCONT the terminal is set up again and the listeners redraw.
 */
function suspendable(stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream): TerminalControl & { stop(): void } {
  const listeners = new Set<() => void>();
  let suspended = false;
  let stopped = false;
  const suspend = (): void => {
    if (suspended || stopped) return;
    suspended = true;
    if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
    stdout.write(PASTE_OFF + SHOW_CURSOR + LEAVE_ALT);
    // With no listener node restores the default action, so this stops the process here.
    process.off('SIGTSTP', suspend);
    process.kill(process.pid, 'SIGTSTP');
  };
  const resume = (): void => {
    if (!suspended || stopped) return;
    suspended = false;
    process.on('SIGTSTP', suspend);
    stdout.write(ENTER_ALT + PASTE_ON + CLEAR_HOME + HIDE_CURSOR);
    if (stdin.isTTY) stdin.setRawMode(true);
    for (const listener of listeners) listener();
  };
  process.on('SIGTSTP', suspend);
  process.on('SIGCONT', resume);
  return {
    suspend,
    onResume: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: () => {
      stopped = true;
      process.off('SIGTSTP', suspend);
      process.off('SIGCONT', resume);
    },
  };
}
