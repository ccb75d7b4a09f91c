import { displayWidth, padEnd, padStart, truncate } from './widths.js';
import type { Theme } from './style.js';

export interface Column<R> {
  readonly header: string;
  /** the cell's text, already made inert */
  value(row: R): string;
  /** colour, applied after the cell is cut and padded */
  style?(text: string, row: R, theme: Theme): string;
  readonly align?: 'right';
  /** the most columns it takes on a terminal */
  readonly max?: number;
  /** takes what the others leave of the terminal's width (one column, usually the last) */
  readonly flex?: boolean;
  /** on a terminal too narrow for all, columns with this are left out, lowest first */
  readonly drop?: number;
}

export interface TableLayout<R> {
  readonly columns: readonly Column<R>[];
  readonly widths: readonly number[];
  /** total width on a terminal; undefined when piped (only the last column is never cut) */
  readonly width?: number;
}

const GAP = '  ';
const FLEX_MIN = 10;
/**
 * Piped, a padded column is at most this wide, cut with `…` (the last column, never padded, keeps
 * every character; --json has all of every value). Without it one 1 MB category padded every
 * line of `history` to 1 MB: 63 MB of spaces for 64 rows.
 */
export const PIPED_COLUMN_MAX = 60;
// Measuring stops here: a cell's width only matters up to the widest a column may be.
const MEASURED = PIPED_COLUMN_MAX * 8;

const measure = (text: string): number => displayWidth(text.length > MEASURED ? text.slice(0, MEASURED) : text);

/** Column widths from a sample of rows (the first page when streaming), fitted to the terminal. */
export function layoutTable<R>(all: readonly Column<R>[], sample: readonly R[], width?: number): TableLayout<R> {
  const naturalOf = (c: Column<R>): number => sample.reduce((w, r) => Math.max(w, measure(c.value(r))), measure(c.header));
  if (width === undefined) return { columns: all, widths: all.map((c) => Math.min(naturalOf(c), PIPED_COLUMN_MAX)) };
  const fixedWidth = (c: Column<R>): number => (c.flex ? FLEX_MIN : Math.min(naturalOf(c), c.max ?? Infinity));
  const total = (cs: readonly Column<R>[]): number => cs.reduce((n, c) => n + fixedWidth(c), 0) + GAP.length * (cs.length - 1);
  let columns = all;
  const droppable = all.filter((c) => c.drop !== undefined).sort((a, b) => a.drop! - b.drop!);
  while (total(columns) > width && droppable.length > 0) {
    const gone = droppable.shift()!;
    columns = columns.filter((c) => c !== gone);
  }
  const widths = columns.map(fixedWidth);
  const flex = columns.findIndex((c) => c.flex);
  if (flex >= 0) widths[flex] = Math.max(FLEX_MIN, Math.min(naturalOf(columns[flex]!), width - total(columns) + FLEX_MIN));
  return { columns, widths, width };
}

function cell<R>(layout: TableLayout<R>, i: number, text: string, last: boolean): string {
  const c = layout.columns[i]!;
  const w = layout.widths[i]!;
  const cut = layout.width === undefined && last ? text : truncate(text, w);
  if (c.align === 'right') return padStart(cut, w);
  return last ? cut : padEnd(cut, w);
}

export function renderHeader<R>(layout: TableLayout<R>, theme: Theme): string {
  const n = layout.columns.length;
  return layout.columns.map((c, i) => theme.heading(cell(layout, i, c.header, i === n - 1))).join(GAP);
}

export function renderRow<R>(layout: TableLayout<R>, row: R, theme: Theme): string {
  const n = layout.columns.length;
  return layout.columns
    .map((c, i) => {
      const text = cell(layout, i, c.value(row), i === n - 1);
      return c.style ? c.style(text, row, theme) : text;
    })
    .join(GAP);
}

/** A whole table: header, then one line per row. */
export function renderTable<R>(columns: readonly Column<R>[], rows: readonly R[], theme: Theme, width?: number): string[] {
  const layout = layoutTable(columns, rows, width);
  return [renderHeader(layout, theme), ...rows.map((r) => renderRow(layout, r, theme))];
}
