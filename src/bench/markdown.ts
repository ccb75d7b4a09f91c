import type { Machine } from './machine.js';
import type { BenchRow } from './result.js';
import { benchTable, FLAT_GROWTH, growthTable, NOISE_MS, targetSummary } from './report.js';
import { whyOf } from './why.js';

/** Below this line BENCHMARKS.md holds hand-written notes that a new run keeps. */
export const NOTES_MARKER = '<!-- notes: kept by npm run bench -->';

export interface BenchReport {
  readonly date: string;
  readonly machineLine: string;
  readonly machine: Machine;
  readonly scale: number;
  readonly quick: boolean;
  readonly command: string;
  readonly rows: readonly BenchRow[];
  readonly memory: readonly BenchRow[];
  readonly memorySamples: readonly { page: number; rssMb: number; heapMb: number }[];
  readonly byScale: ReadonlyMap<number, readonly BenchRow[]>;
  readonly unmigrated?: { rows: readonly BenchRow[]; doctor: readonly string[]; scale: number };
  readonly counts: string;
  /** how long each scale took to measure (its database already built) */
  readonly took?: string;
  /** the in-process list rows were timed with every scale in alternation (suites/lists-alternated.ts) */
  readonly alternated?: boolean;
}

const memoryTable = (rows: readonly BenchRow[]): string[] => [
  '| measure | start | end | target |',
  '|---|---:|---:|---|',
  ...rows.map((r) => `| ${r.work} | ${r.floor === undefined ? '-' : `${r.floor} MB`} | ${r.console ?? '-'} MB | ${r.target ? `${r.target.met ? 'met' : 'MISSED'}: ${r.target.text}` : ''} |`),
];

/** BENCHMARKS.md: how to run it, the machine, the table, the targets, the growth and the unmigrated file. */
export function benchMarkdown(r: BenchReport): string {
  const all = [...r.rows, ...r.memory, ...(r.unmigrated?.rows ?? [])];
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`${r.command}\` on ${r.date}${r.quick ? ' (quick mode: fewer runs)' : ''}${r.took ? ` (measuring took ${r.took})` : ''}. Run it`,
    'again with `npm run bench` (scale 10: 1M tasks, 1.3M sessions, 1M prompts), `npm run bench -- --scale 1,10,30`',
    'for the growth table up to 3M tasks and 3M prompts, `--quick` for fewer runs. Each demo database is built once',
    'under `.bench/` (scale 10 about 2.5 GB, scale 30 about 7.5 GB; with `BENCH_STORE=DIR` it is written in DIR and',
    'linked from `.bench/`) and reused by later runs.',
    '',
    `Machine: ${r.machineLine}.`,
    '',
    `Database: scale ${r.scale} (${r.counts}).`,
    '',
    'How to read it: every figure is the median of several runs after a warm-up. **floor** is the same SQL the',
    'console ran (captured from the real code while it ran) executed by better-sqlite3 alone in a bare node process',
    '(`src/bench/floor.ts`): for "whole process" rows that process opens the file and runs it once; for the other',
    "rows it is the SQL alone, timed inside that process. **service's way** is COMPAT.md's data layer on the same",
    'file: six count queries, LIKE without ESCAPE, tags parsed in JavaScript, OFFSET paging, and no console index',
    '(`NOT INDEXED`), in the same kind of bare process. **console** is the real code: the built binary as a whole',
    'process, or the repository or view call in-process.',
    '',
    'The "screen (Ink at a terminal)" rows are key to frame: the real App on the file, drawn by Ink\'s own render()',
    "with the console's render options (`src/app/render-options.ts`) on a 120x40 TTY in the same process; the clock",
    'runs from the key written to stdin to the write that completes the frame showing its result (keys are fed one',
    'per render, as at a terminal). Each list is mounted up to four times (the first warms up), and each mount presses j,',
    'PgDn, End and Home five times in turn. Ink keeps the lines it drew from frame to frame (`patches/ink+6.8.0.patch`),',
    'so each timed PgDn goes to a page not drawn before (untimed PgDns first pass the ones earlier turns drew); End and',
    "Home return to pages drawn before, as an operator's do, and each mount's first End, to a page not drawn before, has",
    'a row of its own. Their **floor** is Ink alone with the same options redrawing a screen of the same lines with one',
    'line changed per key (`src/bench/ink-floor.ts`): what any Ink 6 app pays for that frame.',
    '',
    '## Targets',
    '',
    ...targetSummary(all, whyOf),
    '',
    `## Scale ${r.scale}`,
    '',
    ...benchTable(r.rows),
    '',
    '## Memory while scrolling',
    '',
    ...memoryTable(r.memory),
    '',
    `Samples (page: heap after GC / RSS, MB): ${r.memorySamples.map((s) => `${s.page}: ${s.heapMb}/${s.rssMb}`).join(', ')}.`,
    '',
  ];
  if (r.byScale.size > 1) {
    lines.push(
      '## How the cost grows',
      '',
      `The console's medians at each scale (scale 1 is 100k tasks and 100k prompts). The verdict is "flat" when the largest scale's median is within ${FLAT_GROWTH}x of the smallest's (or within ${NOISE_MS} ms of it), else how many times it grew.` +
        (r.alternated
          ? ' The "list, in-process" rows (here and in the table above) were timed once more after all scales, with the files in alternation: each round reads every list page at every scale, so a change of load on this shared machine weighs on each scale alike; timed one scale after the other, minutes apart, the same warm page read differed by up to 2.5x.'
          : ''),
      '',
      ...growthTable(r.byScale, whyOf),
      '',
    );
  }
  if (r.unmigrated) {
    lines.push(
      `## A file that was never migrated (scale ${r.unmigrated.scale})`,
      '',
      'A copy of the demo shaped like a file the service made: no console index on tasks, sessions, audit_logs,',
      'offline_queue or prompt_history, no full-text index, tag table or rollup, no migration journal. Everything',
      'still works, by scanning; `bematic-console doctor` says what will be slow and that `migrate` fixes it:',
      '',
      '```',
      ...r.unmigrated.doctor,
      '```',
      '',
      ...benchTable(r.unmigrated.rows),
      '',
    );
  }
  return lines.join('\n');
}
