// The bench itself (run.ts is its entry): builds or reuses the demo database, measures the console
// against the floor and the service's way, prints one table and writes BENCHMARKS.md.
import { existsSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import os from 'node:os';
import Database from 'better-sqlite3';
import { BENCH_HELP, parseBenchArgs, type BenchArgs } from './args.js';
import { ensureDemo } from './database.js';
import { describeMachine, machineLine } from './machine.js';
import { benchMarkdown, NOTES_MARKER } from './markdown.js';
import { BENCH_DIR, ROOT } from './paths.js';
import { benchTable, targetSummary, growthTable } from './report.js';
import { rowKey, type BenchOptions, type BenchRow } from './result.js';
import { historySuite } from './suites/history.js';
import { queriesSuite, withListMedian } from './suites/queries.js';
import { alternatedLists } from './suites/lists-alternated.js';
import { screensSuite } from './suites/screens.js';
import { ptySuite } from './suites/pty.js';
import { memorySuite } from './suites/memory.js';
import { taskTriggersSuite } from './suites/task-triggers.js';
import { unmigratedSuite, type UnmigratedResult } from './suites/unmigrated.js';
import { whyOf } from './why.js';

const log = (line: string): void => void process.stderr.write(`${line}\n`);

/** `3.2 min`, or `41 s` under a minute. */
const minutes = (ms: number): string => (ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} min` : `${Math.round(ms / 1000)} s`);

function tableCounts(db: string): string {
  const sqlite = new Database(db, { readonly: true });
  try {
    const n = (t: string): string => Number(sqlite.prepare(`SELECT max(rowid) FROM "${t}"`).pluck().get() ?? 0).toLocaleString('en-US');
    return `${n('tasks')} tasks, ${n('sessions')} sessions, ${n('prompt_history')} prompts, ${n('audit_logs')} audit events`;
  } finally {
    sqlite.close();
  }
}

async function measureScale(args: BenchArgs, scale: number, full: boolean) {
  const db = ensureDemo(scale, log, args.fresh);
  const o: BenchOptions = {
    scale,
    quick: args.quick,
    db,
    log,
    processRuns: args.runs ?? (args.quick ? 3 : 5),
    queryRuns: args.runs ?? (args.quick ? 5 : 11),
    pages: args.pages ?? (args.quick ? 300 : 2000),
  };
  const on = (suite: string): boolean => !args.skip.has(suite);
  log(`scale ${scale}: ${db}`);
  const rows: BenchRow[] = [];
  if (on('history')) rows.push(...(await historySuite(o)));
  if (on('queries')) rows.push(...(await queriesSuite(o)));
  if (on('screens')) rows.push(...(await screensSuite(o)));
  if (on('pty')) rows.push(...(await ptySuite(o)));
  if (on('triggers')) rows.push(...taskTriggersSuite(o));
  const memory = full && on('memory') ? memorySuite(o) : { rows: [], samples: [] };
  const unmigrated: UnmigratedResult | undefined = full && on('unmigrated') ? await unmigratedSuite(o) : undefined;
  return { db, rows, memory, unmigrated };
}

export async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  if (args === 'help') return void process.stdout.write(BENCH_HELP);
  const require = createRequire(import.meta.url);
  const machine = describeMachine((require('better-sqlite3/package.json') as { version: string }).version);
  log(`bench on ${machine.cpu}, ${machine.cores} cores, load ${machine.load.join(' / ')}`);
  const byScale = new Map<number, BenchRow[]>();
  const largest = args.scales[args.scales.length - 1]!;
  let last: Awaited<ReturnType<typeof measureScale>> | undefined;
  const took = new Map<number, number>();
  const files: { scale: number; db: string }[] = [];
  for (const scale of args.scales) {
    const t = performance.now();
    const r = await measureScale(args, scale, scale === largest);
    took.set(scale, performance.now() - t);
    log(`scale ${scale} measured in ${minutes(took.get(scale)!)}`);
    byScale.set(scale, r.rows);
    files.push({ scale, db: r.db });
    last = r;
  }
  const alternated = files.length > 1 && !args.skip.has('queries');
  if (alternated) {
    // the in-process list reads once more, every scale in alternation: their growth is then the
    // table's, not the machine's (lists-alternated.ts); both tables show these medians
    const medians = alternatedLists(files, args.runs ?? (args.quick ? 5 : 11), log);
    for (const [scale, rows] of byScale) {
      const m = medians.get(scale);
      byScale.set(
        scale,
        rows.map((r) => {
          const ms = m?.get(rowKey(r));
          return ms === undefined ? r : withListMedian(r, ms);
        }),
      );
    }
  }
  const rows = byScale.get(largest) ?? last!.rows;
  rmSync(join(BENCH_DIR, 'jobs'), { recursive: true, force: true });
  const report = {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    machineLine: machineLine(machine, os.loadavg()),
    machine,
    scale: largest,
    quick: args.quick,
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    rows,
    alternated,
    memory: last!.memory.rows,
    memorySamples: last!.memory.samples,
    byScale,
    unmigrated: last!.unmigrated,
    counts: tableCounts(last!.db),
    took: [...took].map(([scale, ms]) => `scale ${scale} ${minutes(ms)}`).join(', '),
  };
  const out = [
    `Machine: ${report.machineLine}`,
    `Scale ${largest}: ${report.counts}`,
    `Took: ${report.took}`,
    '',
    ...benchTable([...report.rows, ...report.memory, ...(report.unmigrated?.rows ?? [])]),
    '',
    ...(byScale.size > 1 ? [...growthTable(byScale, whyOf), ''] : []),
    'Targets:',
    ...targetSummary([...report.rows, ...report.memory, ...(report.unmigrated?.rows ?? [])], whyOf),
  ];
  process.stdout.write(out.join('\n') + '\n');
  if (args.write) {
    const file = join(ROOT, 'BENCHMARKS.md');
    // the hand-written notes below the marker survive a new run
    const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const notes = old.includes(NOTES_MARKER) ? old.slice(old.indexOf(NOTES_MARKER)) : `${NOTES_MARKER}\n`;
    writeFileSync(file, `${benchMarkdown(report)}\n${notes}`);
    log(`wrote ${file}`);
  }
}
