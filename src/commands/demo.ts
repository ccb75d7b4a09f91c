import { resolveDatabasePath } from '../../db/connection.js';
import { UsageError } from '../../db/errors.js';
import { parseCommandArgs } from '../cli/args.js';
import type { Command, CommandContext } from '../cli/context.js';
import { reportError } from '../cli/report.js';
import { DEMO_DEFAULT_SCALE, DEMO_DEFAULT_SEED, generateDemo, type DemoSummary } from '../demo/generate.js';
import { progressLine } from '../demo/progress-line.js';

const HELP = `Usage: bematic-console demo --db PATH [--scale N] [--seed S] [--force]

Writes a new database full of realistic demo data: projects, tasks and their sessions, users
and permissions, api keys, schedules, the offline queue, the audit log and prompt history,
with the prompt search index. Scale 1 is about 100k tasks and 100k prompts; 10 is a million
each. The same seed gives the same data.

Options:
  --db PATH   the file to write; required (DATABASE_URL is not used, so a demo never lands on the service's database)
  --scale N   how much data, a positive number (default ${DEMO_DEFAULT_SCALE})
  --seed S    an integer seed for the random data (default ${DEMO_DEFAULT_SEED})
  --force     replace the file if it is a demo this console made and no other process has it open
  --help      this text

Any other existing file is refused, with or without --force.

Exit codes: 0 done, 1 failed, 2 bad usage (including an existing file it will not replace).
`;

const options = { scale: { type: 'string' }, seed: { type: 'string' }, force: { type: 'boolean' } } as const;

function parseNumber(raw: string | undefined, flag: string, fallback: number, integer: boolean): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  const ok = raw.trim() !== '' && Number.isFinite(n) && (integer ? Number.isSafeInteger(n) : n > 0);
  if (!ok) throw new UsageError(`--${flag} must be ${integer ? 'an integer' : 'a positive number'}, not "${raw}"`);
  return n;
}

const demo: Command = async (argv, ctx) => {
  try {
    return run(argv, ctx);
  } catch (e) {
    return reportError(e, ctx); // in-process callers (tests, the console's --demo) get the exit code too
  }
};

export default demo;

function run(argv: string[], ctx: CommandContext): number {
  const { values, globals } = parseCommandArgs(argv, options);
  if (globals.help) {
    ctx.stdout.write(HELP);
    return 0;
  }
  if (globals.readOnly) throw new UsageError('demo writes a new database, so it cannot run with --read-only');
  // Never DATABASE_URL: it names the service's database in its environment, and a demo replaces files.
  if (!globals.db) throw new UsageError("demo needs --db PATH, the file to write the demo data to (DATABASE_URL is not used, so a demo never lands on the service's database)");
  const scale = parseNumber(values.scale, 'scale', DEMO_DEFAULT_SCALE, false);
  const seed = parseNumber(values.seed, 'seed', DEMO_DEFAULT_SEED, true);
  const path = resolveDatabasePath(globals.db, {});
  const progress = progressLine(ctx.stderr);
  let summary: DemoSummary;
  try {
    summary = generateDemo(path, { scale, seed, force: values.force === true, progress: progress.report });
  } finally {
    progress.end();
  }
  ctx.stdout.write(describeSummary(summary));
  return 0;
}

/** the counts aligned in a column, then where and how long */
export function describeSummary(s: DemoSummary): string {
  const fmt = new Intl.NumberFormat('en-US');
  const rows = Object.entries(s.counts);
  const nameWidth = Math.max(...rows.map(([t]) => t.length));
  const counts = rows.map(([, n]) => fmt.format(n));
  const countWidth = Math.max(...counts.map((c) => c.length));
  const lines = rows.map(([t], i) => `  ${t.padEnd(nameWidth)}  ${counts[i]!.padStart(countWidth)}`);
  return `Demo database written to ${s.path} (scale ${s.scale}, seed ${s.seed}) in ${(s.elapsedMs / 1000).toFixed(1)} s:\n${lines.join('\n')}\n`;
}
