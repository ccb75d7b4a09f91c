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
