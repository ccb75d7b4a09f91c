import { openDatabase } from '../../../db/connection.js';
import { PromptHistoryRepository } from '../../../db/repositories/prompt-history.js';
import { main } from '../../cli/main.js';
import { captureStatements, readsOnly } from '../capture.js';
import type { CapturedStatement } from '../bare-job.js';
import { bareProcess, bareProcessArgs, bareTimings, consoleArgs, sampleAlternating } from '../processes.js';
import { FLOOR, SERVICE_WAY } from '../paths.js';
import { serviceRuns, type BenchOptions, type BenchRow } from '../result.js';
import { formatMs, median, ratio, sampleSync } from '../stats.js';
import { sinkContext } from '../sink.js';
import { HISTORY_VARIANTS, type HistoryVariant } from './history-variants.js';

/** Statements that read data (not the file's shape or settings): a query's own cost. */
const dataOnly = (s: readonly CapturedStatement[]): CapturedStatement[] => readsOnly(s).filter((x) => !/sqlite_master|sqlite_schema|^\s*PRAGMA/i.test(x.sql));

/** The SQL `history ARGS` runs, captured by running the real command in-process. */
async function consoleSql(db: string, args: readonly string[]): Promise<CapturedStatement[]> {
  const { ctx } = sinkContext();
  const { result, statements } = await captureStatements(() => main(['history', ...args, '--db', db], ctx));
  if (result !== 0) throw new Error(`history ${args.join(' ')} exited ${result}`);
  return statements;
}

function queryTarget(v: HistoryVariant, consoleMs: number, serviceMs: number): BenchRow['target'] {
  const faster = ratio(serviceMs, consoleMs) ?? 0;
  if (v.target === 'search') return { text: '>= 50x faster than a LIKE scan', met: faster >= 50 };
  if (v.target === 'tags') return { text: '>= 10x faster than parsing every row', met: faster >= 10 };
  if (v.target === 'newest') return { text: 'a few ms of query time (<= 5 ms)', met: consoleMs <= 5 };
  return undefined;
}

/** Every `history` flag as a whole process: at most this many times the bare process that opens the file and runs the same SQL. */
export const HISTORY_PROCESS_RATIO = 1.3;

function processTarget(v: HistoryVariant, consoleMs: number, floorMs: number, serviceMs: number): NonNullable<BenchRow['target']> {
  const closeToFloor = (ratio(consoleMs, floorMs) ?? Number.POSITIVE_INFINITY) <= HISTORY_PROCESS_RATIO;
  const text = `<= ${HISTORY_PROCESS_RATIO}x the floor process (console and floor started in alternation)`;
  if (v.target !== 'stats') return { text, met: closeToFloor };
  return { text: `${text}, >= 3x faster than the service`, met: closeToFloor && (ratio(serviceMs, consoleMs) ?? 0) >= 3 };
}

/** `history` in its variants: each as whole processes, and its queries in-process. */
export async function historySuite(o: BenchOptions): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const conn = openDatabase({ path: o.db, readOnly: true });
  const repo = new PromptHistoryRepository(conn.db);
  try {
    for (const v of HISTORY_VARIANTS) {
      o.log(`  ${v.name}`);
      const captured = await consoleSql(o.db, v.args);
      const service = v.service();
      // whole processes: node start, module loading, open, SQL, output
      const [consoleRuns, floorRuns] = sampleAlternating(consoleArgs(o.db, ['history', ...v.args]), bareProcessArgs(FLOOR, o.db, readsOnly(captured)), o.processRuns);
      const procConsole = median(consoleRuns);
      const procFloor = median(floorRuns);
      const procService = median(bareProcess(SERVICE_WAY, o.db, service, Math.min(serviceRuns(o), o.processRuns), v.post, 0));
      // the query alone: the repository call in a warm process against the same SQL bare
      const qConsole = median(sampleSync(() => v.query(repo), o.queryRuns));
      rows.push({
        group: 'history, whole process',
        work: v.name,
        floor: procFloor,
        service: procService,
        console: procConsole,
        target: processTarget(v, procConsole, procFloor, procService),
        note: `the console process takes ${formatMs(procConsole - procFloor)} more than the floor process that runs the same SQL (its query alone: ${formatMs(qConsole)}): loading and running the console's own modules (CLI parsing, the connection's checks, formatting the output)`,
      });
      const qFloor = median(bareTimings(FLOOR, o.db, dataOnly(captured), o.queryRuns).runs);
      const qService = median(bareTimings(SERVICE_WAY, o.db, service, serviceRuns(o), 0, v.post).runs);
      rows.push({ group: 'history, query only', work: v.name, floor: qFloor, service: qService, console: qConsole, target: queryTarget(v, qConsole, qService) });
    }
  } finally {
    conn.close();
  }
  return rows;
}
