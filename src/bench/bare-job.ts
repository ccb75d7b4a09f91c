import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { registerFold } from '../../db/search/fold.js';

// Shared by floor.ts and service-way.ts: imports only better-sqlite3, node itself and the
// console's case fold (db/search/fold.ts, dependency-free: the SQL function its filters call), so
// the process it runs in costs what SQLite alone costs.

/** One statement as the console ran it: its SQL, parameters and how its rows were read. */
export interface CapturedStatement {
  readonly sql: string;
  readonly params: readonly unknown[];
  readonly method: 'all' | 'get' | 'run' | 'iterate' | 'exec';
  readonly mode: 'plain' | 'pluck' | 'raw';
}

export interface BareJob {
  readonly db: string;
  readonly readonly: boolean;
  readonly statements: readonly CapturedStatement[];
  /** in-process timing: runs after warm-up, each timed; 0 = run once (the whole process is timed) */
  readonly repeat: number;
  readonly warmup: number;
  /** the service's JavaScript work on the rows of the last statement */
  readonly post?: 'parse-tags';
  /** a line to print once the job is done, for a harness that watches the output (suites/pty.ts) */
  readonly say?: string;
}

export interface BareResult {
  readonly openMs: number;
  readonly runs: number[];
  readonly rows: number;
}

/** The service's getTags: every row's JSON parsed in JavaScript, tags collected in a Set. */
function parseTags(rows: unknown[]): number {
  const tags = new Map<string, number>();
  for (const row of rows) {
    const raw = Object.values(row as Record<string, unknown>)[0];
    try {
      const list = JSON.parse(String(raw)) as unknown;
      if (Array.isArray(list)) for (const t of list) if (typeof t === 'string') tags.set(t, (tags.get(t) ?? 0) + 1);
    } catch {
      /* the service skips malformed rows */
    }
  }
  return [...tags.keys()].sort().length;
}

function runOnce(sqlite: Database.Database, job: BareJob): number {
  let rows = 0;
  let last: unknown[] = [];
  for (const s of job.statements) {
    if (s.method === 'exec') {
      sqlite.exec(s.sql);
      continue;
    }
    const stmt = sqlite.prepare(s.sql);
    const params = s.params as unknown[];
    if (s.mode === 'pluck' && stmt.reader) stmt.pluck();
    else if (s.mode === 'raw' && stmt.reader) stmt.raw();
    if (!stmt.reader)
      stmt.run(...params); // a setting pragma: no rows
    else if (s.method === 'all') last = stmt.all(...params);
    else if (s.method === 'get') last = [stmt.get(...params)];
    else if (s.method === 'iterate') last = [...stmt.iterate(...params)];
    else stmt.run(...params);
    rows += last.length;
  }
  if (job.post === 'parse-tags') parseTags(last);
  return rows;
}

/** Opens the file and runs the job; prints nothing. */
export function runBareJob(job: BareJob): BareResult {
  const t0 = performance.now();
  const sqlite = new Database(job.db, { readonly: job.readonly, fileMustExist: true });
  registerFold(sqlite);
  const openMs = performance.now() - t0;
  try {
    const runs: number[] = [];
    let rows = 0;
    if (job.repeat === 0) rows = runOnce(sqlite, job);
    for (let i = 0; i < job.warmup && job.repeat > 0; i++) runOnce(sqlite, job);
    for (let i = 0; i < job.repeat; i++) {
      const t = performance.now();
      rows = runOnce(sqlite, job);
      runs.push(performance.now() - t);
    }
    return { openMs, runs, rows };
  } finally {
    sqlite.close();
  }
}

/** The entry of a bare process: the job file is argv[2]; timings go to stdout as JSON. */
export function bareMain(): void {
  const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as BareJob;
  const result = runBareJob(job);
  if (job.repeat > 0) process.stdout.write(JSON.stringify(result) + '\n');
  if (job.say !== undefined) process.stdout.write(job.say + '\n');
}
