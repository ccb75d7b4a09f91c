import Database from 'better-sqlite3';
import { readShape } from '../../../db/shape.js';
import { TASK_FTS_QUEUE, taskFtsReady } from '../../../db/search/task-fts.js';
import type { BenchOptions, BenchRow } from '../result.js';
import { median } from '../stats.js';

/**
 * What tasks_fts's triggers cost the service's own task writes (COMPAT.md: a trigger the console
 * adds runs inside them). The same SQL the service's drizzle layer sends (every column named on
 * INSERT, `RETURNING *`), each statement its own transaction, on the demo file with the service's
 * pragmas, in one run: rounds alternate between the triggers present and dropped (the rows
 * written are deleted before the triggers come back, so the index never misses a row; a run
 * interrupted without them leaves the index incomplete, and `migrate` completes it again).
 */

const TRIGGER_NAMES = ['tasks_fts_ai', 'tasks_fts_au', 'tasks_fts_ad'];

/** Milliseconds of each statement run, by kind. */
interface Samples {
  readonly insert: number[];
  readonly status: number[];
  readonly usage: number[];
  readonly result: number[];
}

const samples = (): Samples => ({ insert: [], status: [], usage: [], result: [] });

const PROMPT = 'Add retries with exponential backoff to the billing export job and log each failed attempt with its invoice id';
const RESULT = 'Added a retry wrapper (3 attempts, 2^n s backoff) around the export call; failures are logged with the invoice id. Tests: 14 passed. '.repeat(3);

function serviceConnection(path: string): Database.Database {
  const s = new Database(path, { timeout: 5000 });
  s.pragma('journal_mode = WAL');
  s.pragma('busy_timeout = 5000');
  s.pragma('cache_size = -20000');
  s.pragma('foreign_keys = ON');
  s.pragma('synchronous = NORMAL');
  return s;
}

/** The service's four task statements, on rows `task_bench<tag>...` numbered from 0. */
function taskWrites(s: Database.Database, tag: string) {
  const columns = s.prepare("SELECT name FROM pragma_table_info('tasks') ORDER BY cid").pluck().all() as string[];
  const project = s.prepare('SELECT id FROM projects LIMIT 1').pluck().get() as string;
  const now = new Date().toISOString();
  const values: Record<string, unknown> = {
    project_id: project,
    bot_name: 'coder',
    command: 'fix',
    prompt: PROMPT,
    status: 'pending',
    result: null,
    error_message: null,
    slack_channel_id: 'C0BENCH',
    slack_thread_ts: '1732612345.001200',
    slack_user_id: 'U0BENCH',
    session_id: null,
    input_tokens: 0,
    output_tokens: 0,
    estimated_cost: 0,
    max_budget: 5,
    files_changed: '[]',
    commands_run: '[]',
    created_at: now,
    updated_at: now,
    completed_at: null,
    slack_message_ts: null,
    parent_task_id: null,
  };
  const insert = s.prepare(`INSERT INTO tasks (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) RETURNING *`);
  const status = s.prepare('UPDATE tasks SET status = ?, updated_at = ? WHERE id = ? RETURNING *');
  const usage = s.prepare('UPDATE tasks SET input_tokens = ?, output_tokens = ?, estimated_cost = ?, updated_at = ? WHERE id = ? RETURNING *');
  const done = s.prepare("UPDATE tasks SET status = 'completed', result = ?, completed_at = ?, updated_at = ? WHERE id = ? RETURNING *");
  const above = (s.prepare('SELECT max(rowid) FROM tasks').pluck().get() as number | null) ?? 0;
  return {
    ids: (n: number): string[] => Array.from({ length: n }, (_, i) => `task_bench${tag}${String(i).padStart(12, '0')}`),
    insert: (id: string): unknown => insert.get(...columns.map((c) => (c === 'id' ? id : (values[c] ?? null)))),
    status: (id: string): unknown => status.get('running', now, id),
    usage: (id: string, i: number): unknown => usage.get(1000 + i, 200 + i, 0.01 * i, now, id),
    done: (id: string): unknown => done.get(RESULT, now, now, id),
    /** the rows go, and any queue entries they left (none while their rowids are above the mark), so each round starts alike */
    clear: (): void => {
      s.prepare('DELETE FROM tasks WHERE id >= ? AND id < ?').run(`task_bench${tag}`, `task_bench${tag}~`);
      if (hasQueue(s)) s.prepare(`DELETE FROM ${TASK_FTS_QUEUE} WHERE task_rowid > ?`).run(above);
    },
  };
}

/**
 * One round: `n` tasks through a service's life (insert, running, tokens and cost, completed with
 * a result), each statement timed alone (the median of single statements shrugs off a preempted
 * one on a loaded machine); then the rows go.
 */
function round(s: Database.Database, n: number, tag: string, into: Samples | null): void {
  const w = taskWrites(s, tag);
  const ids = w.ids(n);
  const timed = (out: number[] | undefined, fn: (id: string, i: number) => unknown): void =>
    ids.forEach((id, i) => {
      const t = performance.now();
      fn(id, i);
      out?.push(performance.now() - t);
    });
  timed(into?.insert, w.insert);
  timed(into?.status, w.status);
  timed(into?.usage, w.usage);
  timed(into?.result, w.done);
  w.clear();
}

/**
 * What an INSERT writes: WAL frames (pages) per task inserted, `n` inserts each its own
 * transaction, counted from an emptied WAL with automatic checkpoints off meanwhile.
 */
function pagesPerInsert(s: Database.Database, n: number, tag: string): number {
  const w = taskWrites(s, tag);
  const auto = s.pragma('wal_autocheckpoint', { simple: true }) as number;
  try {
    s.pragma('wal_checkpoint(TRUNCATE)');
    s.pragma('wal_autocheckpoint = 0');
    w.ids(n).forEach(w.insert);
    const [state] = s.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
    return state!.log / n;
  } finally {
    s.pragma(`wal_autocheckpoint = ${auto}`);
    w.clear();
  }
}

const hasQueue = (s: Database.Database): boolean => s.prepare('SELECT 1 FROM sqlite_master WHERE name = ?').get(TASK_FTS_QUEUE) !== undefined;

export function taskTriggersSuite(o: BenchOptions): BenchRow[] {
  const s = serviceConnection(o.db);
  try {
    if (!taskFtsReady(readShape(s))) {
      o.log('  tasks_fts is not complete on the demo file: trigger costs not measured');
      return [];
    }
    const saved = s
      .prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${TRIGGER_NAMES.map(() => '?').join(', ')})`)
      .pluck()
      .all(...TRIGGER_NAMES) as string[];
    const withoutTriggers = <T>(fn: () => T): T => {
      s.transaction(() => TRIGGER_NAMES.forEach((t) => s.exec(`DROP TRIGGER IF EXISTS "${t}"`))).immediate();
      try {
        return fn();
      } finally {
        s.transaction(() => saved.forEach((sql) => s.exec(sql))).immediate();
      }
    };
    const n = o.quick ? 50 : 100;
    const rounds = 2 * o.queryRuns; // 22 by default: single statements are short, and a loaded machine is noisy
    const withT = samples();
    const without = samples();
    for (let r = 0; r <= rounds; r++) {
      const warm = r === 0; // round 0 warms both up
      const measureWith = (): void => round(s, n, 'w', warm ? null : withT);
      const measureWithout = (): void => withoutTriggers(() => round(s, n, 'n', warm ? null : without));
      for (const m of r % 2 === 0 ? [measureWith, measureWithout] : [measureWithout, measureWith]) m();
    }
    const pages = { with: pagesPerInsert(s, n, 'w'), without: withoutTriggers(() => pagesPerInsert(s, n, 'n')) };
    const pagesSaid = `${pages.with.toFixed(1)} pages written per insert against ${pages.without.toFixed(1)} without the triggers (WAL frames of ${n} inserts)`;
    const group = 'service task writes, with and without tasks_fts triggers';
    const target = (a: number, b: number) => ({ text: '<= 1.10x without the triggers', met: a <= b * 1.1 });
    const row = (work: string, pick: (x: Samples) => number, note: string, withTarget = true): BenchRow => {
      const w = pick(withT);
      const wo = pick(without);
      return { group, work, floor: wo, console: w, note, ...(withTarget ? { target: target(w, wo) } : {}) };
    };
    const life = (x: Samples): number => median(x.insert) + median(x.status) + median(x.usage) + median(x.result);
    return [
      row('INSERT a task (RETURNING *)', (x) => median(x.insert), `a new rowid is above tasks_fts_mark: the insert trigger reads the mark and writes nothing; ${pagesSaid}`),
      row('UPDATE status', (x) => median(x.status), 'AFTER UPDATE OF prompt, result, error_message: the trigger does not fire'),
      row('UPDATE tokens and cost', (x) => median(x.usage), 'AFTER UPDATE OF prompt, result, error_message: the trigger does not fire'),
      row('UPDATE status and result (completion)', (x) => median(x.result), 'the result changed, but the row is above the mark (not indexed yet): nothing queued; an indexed one queues its rowid'),
      row("a task's life: insert, running, tokens, completed with result", life, 'the four medians above added'),
    ];
  } finally {
    s.close();
  }
}
