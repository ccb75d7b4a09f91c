import { parseArgs } from 'node:util';

export interface BenchArgs {
  /** the scales to measure; the largest gets the full table, all of them the growth table */
  readonly scales: readonly number[];
  readonly quick: boolean;
  /** write BENCHMARKS.md (off with --no-write) */
  readonly write: boolean;
  readonly fresh: boolean;
  readonly pages?: number;
  /** timed runs per measurement, over the mode's default (tests use 1) */
  readonly runs?: number;
  readonly skip: ReadonlySet<string>;
}

export const BENCH_HELP = `Usage: npm run bench [-- --scale N[,N...]] [--quick] [--runs N] [--pages N] [--skip SUITES] [--fresh] [--no-write]

  --scale    demo scale(s) under .bench/ (1 = 100k tasks and prompts; default 10); with several
             (e.g. 1,10,30), the largest gets the full table and all of them the growth table.
             A missing database is generated first (scale 30: about 20 min, 7.5 GB); set
             BENCH_STORE=DIR to write it in DIR with a link under .bench/
  --quick    fewer runs (3 per process, 5 per query) and a shorter scroll
  --runs     timed runs per measurement (default 5 per process, 11 per query; quick 3 and 5)
  --pages    PgDn presses for the memory check (default 2000, quick 300)
  --skip     comma list of suites to leave out: history, queries, screens, pty, triggers, memory, unmigrated
  --fresh    generate the demo databases again
  --no-write print the table only; leave BENCHMARKS.md as it is
`;

export function parseBenchArgs(argv: string[]): BenchArgs | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: '10' },
      quick: { type: 'boolean', default: false },
      pages: { type: 'string' },
      runs: { type: 'string' },
      skip: { type: 'string', default: '' },
      fresh: { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  const scales = values.scale.split(',').map(Number);
  if (scales.some((s) => !(s > 0))) throw new Error(`--scale takes positive numbers, not ${values.scale}`);
  return {
    scales: [...new Set(scales)].sort((a, b) => a - b),
    quick: values.quick,
    write: !values['no-write'],
    fresh: values.fresh,
    pages: values.pages !== undefined ? Number(values.pages) : undefined,
    runs: values.runs !== undefined ? Math.max(1, Number(values.runs)) : undefined,
    skip: new Set(values.skip.split(',').filter(Boolean)),
  };
}
