/** One line of the bench table: the same work done by the floor, the service's way and the console. */
export interface BenchRow {
  readonly group: string;
  readonly work: string;
  /** milliseconds (or MB for memory rows, see unit) */
  readonly floor?: number;
  readonly service?: number;
  readonly console?: number;
  readonly unit?: 'ms' | 'MB';
  readonly target?: { readonly text: string; readonly met: boolean };
  /** one line: why it costs what it costs */
  readonly note?: string;
}

/** A row's key across the bench's tables (one scale's rows against another's). */
export const rowKey = (r: Pick<BenchRow, 'group' | 'work'>): string => `${r.group}|${r.work}`;

export interface BenchOptions {
  readonly scale: number;
  readonly quick: boolean;
  /** timed runs of a whole process */
  readonly processRuns: number;
  /** timed runs of an in-process query */
  readonly queryRuns: number;
  /** pages scrolled for the memory check */
  readonly pages: number;
  readonly db: string;
  readonly log: (line: string) => void;
}

/**
 * Runs of the service's way per measurement, with no warm-up: it is what the console is compared
 * with, not what is measured, and most of it scans or sorts a whole table (seconds each at scale
 * 30), so more runs would cost minutes of the bench for a figure that only needs its order.
 */
export const serviceRuns = (o: Pick<BenchOptions, 'queryRuns'>): number => Math.min(3, o.queryRuns);
