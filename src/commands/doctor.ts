import type { Command, CommandContext } from '../cli/context.js';
import { parseCommandArgs } from '../cli/args.js';
import { openDatabase, resolveDatabasePath, type Connection } from '../../db/connection.js';
import { BematicError, DatabaseOpenError } from '../../db/errors.js';
import { inspectDatabase } from '../../db/doctor/inspect.js';
import { renderReport, plainStyler, type Styler } from '../../db/doctor/render.js';
import { passesQuickCheck, type DoctorReport } from '../../db/doctor/report.js';
import { inert, inertJson } from '../cli/plain-text.js';

const HELP = `Usage: bematic-console doctor [--db PATH] [--json]

Says what the database file is, against the console's schema: path, size, journal mode, SQLite
version, each table present or missing with its missing columns and row count, indexes, the
prompt search index, any two indexes of one table over the same columns, tables left alone,
the console's migration journal (__bematic_console_migrations) and the service's drizzle journal
(__drizzle_migrations: rows, newest, rows an older console wrote there), an integrity quick
check, and the console operations that stay slow until \`bematic-console migrate\` runs.
Names from the file and its path are shown escaped (control characters as \\xNN).
Opens the file read-only: doctor never changes anything. Row counts of big tables are
estimated from max(rowid); the quick check reads the whole file (about 1 s per 500 MB), as a
reader that never blocks the service's writes.

Options:
  --json      the report as JSON
  --db PATH   the database (else DATABASE_URL, else ./data/bematic.db)
  --no-color  plain output on a terminal too (NO_COLOR is honoured)
  --help      this text

Exit codes: 0 the file is readable and passes the quick check, 1 it is not, 2 bad usage.
`;

const CORRUPT = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB', 'SQLITE_IOERR_SHORT_READ']);

const doctor: Command = async (argv, ctx) => {
  const { values, globals } = parseCommandArgs(argv, { json: { type: 'boolean' } });
  if (globals.help) {
    ctx.stdout.write(HELP);
    return 0;
  }
  const path = resolveDatabasePath(globals.db, ctx.env);
  const report = readReport(path);
  if (values.json === true) {
    ctx.stdout.write(inertJson(JSON.stringify(report, null, 2)) + '\n');
  } else {
    // every name comes from the file or the command line: escaped before colour is added, so a
    // hostile path or index name cannot drive the terminal, and the plain lines once more
    const st = styler(ctx, globals.noColor);
    const lines = renderReport(inertStrings(report), st);
    ctx.stdout.write((st === plainStyler ? lines.map((l) => inert(l)) : lines).join('\n') + '\n');
  }
  return passesQuickCheck(report) ? 0 : 1;
};

export default doctor;

function readReport(path: string): DoctorReport {
  let conn: Connection | undefined;
  try {
    conn = openDatabase({ path, readOnly: true });
    return inspectDatabase(conn.sqlite, conn.path);
  } catch (e) {
    throw damaged(e, path);
  } finally {
    conn?.close();
  }
}

/** A file SQLite cannot read becomes one sentence that says so; other open errors pass through. */
function damaged(e: unknown, path: string): unknown {
  const inner = sqliteCode(e) ? e : (e as { cause?: unknown })?.cause;
  const code = sqliteCode(inner);
  if (code && CORRUPT.has(code)) {
    return new DatabaseOpenError(`${path} is damaged or truncated: SQLite cannot read it (${(inner as Error).message})`, { cause: e });
  }
  if (e instanceof BematicError) return e;
  return new DatabaseOpenError(`doctor cannot read ${path}: ${(e as Error).message}`, { cause: e });
}

const sqliteCode = (e: unknown): string | undefined => {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' ? code : undefined;
};

/** The report with every string made inert (control characters shown as \xNN), numbers untouched. */
function inertStrings<T>(value: T): T {
  if (typeof value === 'string') return inert(value) as T;
  if (Array.isArray(value)) return value.map(inertStrings) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inertStrings(v)])) as T;
  }
  return value;
}

function styler(ctx: CommandContext, noColor: boolean): Styler {
  if (noColor || ctx.stdout.isTTY !== true || (ctx.env.NO_COLOR ?? '') !== '') return plainStyler;
  const wrap = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;
  return { good: wrap(32, 39), bad: wrap(33, 39), dim: wrap(2, 22), head: wrap(1, 22) };
}
