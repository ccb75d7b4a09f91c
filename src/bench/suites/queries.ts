import { openDatabase, type DB } from '../../../db/connection.js';
import { dashboardTotals, readDashboard } from '../../../screens/dashboard/dashboard-data.js';
import { tasksByStatus, usageSince } from '../../../db/views/dashboard.js';
import { captureStatements, readsOnly } from '../capture.js';
import type { CapturedStatement } from '../bare-job.js';
import { bareTimings } from '../processes.js';
import { FLOOR, SERVICE_WAY } from '../paths.js';
import { serviceRuns, type BenchOptions, type BenchRow } from '../result.js';
import { median, sampleSync } from '../stats.js';
import { withoutIndexes } from '../service-sql.js';
import { BENCH_LISTS } from './list-sources.js';
import { COUNT_SLICE } from '../../hooks/use-row-count.js';

export const PAGE_ROWS = 50;
export const FRAME_MS = 16;

const dataOnly = (s: readonly CapturedStatement[]): CapturedStatement[] => readsOnly(s).filter((x) => !/sqlite_master|sqlite_schema|^\s*PRAGMA/i.test(x.sql));

const frameTarget = (ms: number): BenchRow['target'] => ({ text: `<= ${FRAME_MS} ms (one frame)`, met: ms <= FRAME_MS });

interface Measured {
  readonly console: number;
  readonly statements: CapturedStatement[];
}

/**
 * Calls before the timed ones, after the capture: the file's shape is read once per connection,
 * capturing patches better-sqlite3's Statement prototype (V8 drops the optimized code that used
 * it), and V8 optimizes a path only after a few dozen calls. With one warm call, a page read's
 * median over 11 runs was 0.4-3.4 ms and seemed to grow with the file; warm, it is 0.35-0.6 ms at
 * every scale. Up to WARM_CALLS, or WARM_MS for the slow reads.
 */
const WARM_CALLS = 30;
const WARM_MS = 300;

/** Captures `fn`'s SQL for the floor, then times it in this process, warm. */
async function measure(fn: () => unknown, runs: number): Promise<Measured> {
  const { statements } = await captureStatements(fn);
  const warmUntil = performance.now() + WARM_MS;
  for (let i = 0; i < WARM_CALLS && performance.now() < warmUntil; i++) fn();
  return { console: median(sampleSync(fn, runs)), statements: dataOnly(statements) };
}

/** The service's way: the given statements, or the console's own SQL without the console's indexes. */
function serviceMs(o: BenchOptions, statements: CapturedStatement[]): number {
  return median(bareTimings(SERVICE_WAY, o.db, statements, serviceRuns(o), 0).runs);
}

const floorMs = (o: BenchOptions, m: Measured): number => median(bareTimings(FLOOR, o.db, m.statements, o.queryRuns).runs);

/** One read a list screen makes, as the bench times it; `service` is the service's way of it, when it has its own. */
export interface ListOp {
  readonly list: string;
  readonly group: string;
  readonly work: string;
  readonly fn: () => unknown;
  readonly service: CapturedStatement[];
}

/** The page reads of every list (first, next, middle, last, count slice, filters) on this file. */
export function listOps(db: DB): ListOp[] {
  const out: ListOp[] = [];
  const sqlite = db.$client;
  for (const list of BENCH_LISTS) {
    const src = list.source(db);
    const total = Number(sqlite.prepare(`SELECT max(rowid) FROM "${list.table}"`).pluck().get() ?? 0);
    const first = src.page({ kind: 'first' }, PAGE_ROWS);
    const lastOfFirst = first[first.length - 1];
    const middle = list.cursorAt(sqlite, Math.floor(total / 2));
    const ops: { work: string; fn: () => unknown; service: CapturedStatement[] }[] = [
      { work: 'first page', fn: () => src.page({ kind: 'first' }, PAGE_ROWS), service: [list.servicePage(0, PAGE_ROWS)] },
    ];
    if (lastOfFirst) ops.push({ work: 'next page', fn: () => src.page({ kind: 'after', cursor: src.cursorOf(lastOfFirst) }, PAGE_ROWS), service: [list.servicePage(PAGE_ROWS, PAGE_ROWS)] });
    if (middle) ops.push({ work: 'a page in the middle', fn: () => src.page({ kind: 'after', cursor: middle }, PAGE_ROWS), service: [list.servicePage(Math.floor(total / 2), PAGE_ROWS)] });
    if (list.name !== 'prompts') {
      ops.push({ work: 'last page (End)', fn: () => src.page({ kind: 'last' }, PAGE_ROWS), service: [list.servicePage(Math.max(0, total - PAGE_ROWS), PAGE_ROWS)] });
      ops.push({ work: 'count slice (position)', fn: () => src.counter.countRange(1, COUNT_SLICE), service: [] });
    }
    for (const f of list.filters) {
      const fsrc = f.source(db);
      ops.push({ work: `filter ${f.name}`, fn: () => fsrc.page({ kind: 'first' }, PAGE_ROWS), service: [] });
    }
    out.push(...ops.map((op) => ({ ...op, list: list.name, group: `${list.name} list, in-process` })));
  }
  return out;
}

/** A list row's console median replaced (measured otherwise, see lists-alternated.ts), its frame target checked again. */
export const withListMedian = (r: BenchRow, ms: number): BenchRow => ({ ...r, console: ms, ...(r.target ? { target: frameTarget(ms) } : {}) });

async function listRows(o: BenchOptions, db: DB): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  let shown = '';
  for (const op of listOps(db)) {
    if (op.list !== shown) o.log(`  ${(shown = op.list)}`);
    const m = await measure(op.fn, o.queryRuns);
    const service = op.service.length > 0 ? op.service : m.statements.map(withoutIndexes);
    rows.push({ group: op.group, work: op.work, console: m.console, floor: floorMs(o, m), service: serviceMs(o, service), target: frameTarget(m.console) });
  }
  return rows;
}

/** Each step's ms and the whole of a stepped read. */
function timeSteps(steps: Generator<void, unknown, void>): { steps: number[]; total: number } {
  const out: number[] = [];
  const t0 = performance.now();
  for (let t = performance.now(); ; t = performance.now()) {
    const r = steps.next();
    out.push(performance.now() - t);
    if (r.done) return { steps: out, total: performance.now() - t0 };
  }
}

async function dashboardRows(o: BenchOptions, db: DB): Promise<BenchRow[]> {
  o.log('  dashboard');
  const group = 'dashboard, in-process';
  const first = await measure(() => readDashboard(db, { running: 8, schedules: 5, audit: 8 }), o.queryRuns);
  // What the first frame used to wait for, read at once: the service's way is that SQL without indexes.
  const once = await measure(() => [tasksByStatus(db), usageSince(db, new Date(Date.now() - 7 * 86_400_000).toISOString())], o.queryRuns);
  timeSteps(dashboardTotals(db));
  const runs = Array.from({ length: o.queryRuns }, () => timeSteps(dashboardTotals(db)));
  // A key waits for at most the step under way: the typical step is the target; the longest
  // (a preemption on a loaded machine as often as the work) is shown beside it.
  const step = median(runs.flatMap((r) => r.steps));
  const longest = median(runs.map((r) => Math.max(...r.steps)));
  return [
    {
      group,
      work: 'first frame (running, today, schedules, audit)',
      console: first.console,
      floor: floorMs(o, first),
      service: serviceMs(o, first.statements.map(withoutIndexes)),
      target: frameTarget(first.console),
    },
    { group, work: 'tasks by status and 7 days, at once', console: once.console, floor: floorMs(o, once), service: serviceMs(o, once.statements.map(withoutIndexes)) },
    { group, work: 'tasks by status and 7 days, in steps after the frame: all', console: median(runs.map((r) => r.total)) },
    { group, work: `tasks by status and 7 days, in steps after the frame: a step (${runs[0]!.steps.length} steps)`, console: step, target: frameTarget(step) },
    { group, work: 'tasks by status and 7 days, in steps after the frame: longest step', console: longest },
  ];
}

/** Each query the screens run, in this process, against the same SQL bare and the service's way. */
export async function queriesSuite(o: BenchOptions): Promise<BenchRow[]> {
  const conn = openDatabase({ path: o.db });
  try {
    return [...(await dashboardRows(o, conn.db)), ...(await listRows(o, conn.db))];
  } finally {
    conn.close();
  }
}
