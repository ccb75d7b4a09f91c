import { openDatabase, type DB } from '../../../db/connection.js';
import { readDashboard } from '../../../screens/dashboard/dashboard-data.js';
import { captureStatements, readsOnly } from '../capture.js';
import type { CapturedStatement } from '../bare-job.js';
import { bareTimings } from '../processes.js';
import { FLOOR, SERVICE_WAY } from '../paths.js';
import type { BenchOptions, BenchRow } from '../result.js';
import { median, sampleSync } from '../stats.js';
import { withoutIndexes } from '../service-sql.js';
import { BENCH_LISTS } from './list-sources.js';
import { COUNT_SLICE } from '../../hooks/use-row-count.js';

export const PAGE_ROWS = 50;
export const FRAME_MS = 16;

const dataOnly = (s: readonly CapturedStatement[]): CapturedStatement[] =>
  readsOnly(s).filter((x) => !/sqlite_master|sqlite_schema|^\s*PRAGMA/i.test(x.sql));

const frameTarget = (ms: number): BenchRow['target'] => ({ text: `<= ${FRAME_MS} ms (one frame)`, met: ms <= FRAME_MS });

interface Measured {
  readonly console: number;
  readonly statements: CapturedStatement[];
}

/** Times `fn` in this process and captures its SQL for the floor. */
async function measure(fn: () => unknown, runs: number): Promise<Measured> {
  fn(); // warm: the file's shape is read once per connection
  const { statements } = await captureStatements(fn);
  return { console: median(sampleSync(fn, runs)), statements: dataOnly(statements) };
}

/** The service's way: the given statements, or the console's own SQL without the console's indexes. */
function serviceMs(o: BenchOptions, statements: CapturedStatement[], slow: boolean): number {
  return median(bareTimings(SERVICE_WAY, o.db, statements, slow ? Math.min(3, o.queryRuns) : o.queryRuns, slow ? 0 : 1).runs);
}

const floorMs = (o: BenchOptions, m: Measured): number => median(bareTimings(FLOOR, o.db, m.statements, o.queryRuns).runs);

async function listRows(o: BenchOptions, db: DB): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const sqlite = db.$client;
  for (const list of BENCH_LISTS) {
    o.log(`  ${list.name}`);
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
    for (const op of ops) {
      const m = await measure(op.fn, o.queryRuns);
      const service = op.service.length > 0 ? op.service : m.statements.map(withoutIndexes);
      const slow = op.work !== 'first page' && op.work !== 'next page';
      rows.push({
        group: `${list.name} list, in-process`, work: op.work, console: m.console, floor: floorMs(o, m),
        service: serviceMs(o, service, slow || op.service.length === 0), target: frameTarget(m.console),
      });
    }
  }
  return rows;
}

async function dashboardRows(o: BenchOptions, db: DB): Promise<BenchRow[]> {
  o.log('  dashboard');
  const m = await measure(() => readDashboard(db, { running: 8, schedules: 5, audit: 8 }), o.queryRuns);
  return [{
    group: 'dashboard, in-process', work: 'all aggregates (one read)', console: m.console, floor: floorMs(o, m),
    service: serviceMs(o, m.statements.map(withoutIndexes), true), target: frameTarget(m.console),
  }];
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
