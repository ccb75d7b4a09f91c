import React, { useMemo, type ReactNode } from 'react';
import { Box } from 'ink';
import { ToneText, type Tone } from './theme/index.js';
import { ListRows, MARKER } from './ListRows.js';
import { inert } from './text/inert.js';
import { fitColumns } from './text/width.js';

export interface Column<T> {
  readonly header: string;
  /** characters; 0 takes what is left */
  readonly width: number;
  readonly value: (row: T) => string;
  readonly tone?: (row: T) => Tone | undefined;
  readonly align?: 'left' | 'right';
  /** draws the fitted (inert) text itself, e.g. with search matches marked; plain text when absent (a `…` in it may come as an ASCII stand-in: text/ascii-line.ts) */
  readonly render?: (fitted: string, row: T) => ReactNode;
  /** the list's sort id for this column (`<` `>` move the sort through the columns that have one) */
  readonly sort?: string;
  /** left out when the list is too narrow, rank 1 first; a column without one always shows */
  readonly drop?: number;
  /** a 0-width column: the narrowest it is kept before columns are dropped (default 8) */
  readonly min?: number;
}

/** The sort in force, as the header marks it: `↓Created` descending, `↑Name` ascending. */
export interface ColumnSort {
  readonly by: string;
  readonly direction: 'asc' | 'desc';
}

/** The sort ids of some columns, left to right: what `<` `>` move through. */
export const sortableOf = <T,>(columns: readonly Column<T>[]): string[] => columns.flatMap((c) => (c.sort === undefined ? [] : [c.sort]));

/** A column's header with the sort arrow when the list is sorted by it. */
export const headerText = <T,>(c: Column<T>, sort: ColumnSort | undefined): string =>
  sort && c.sort !== undefined && c.sort === sort.by ? `${sort.direction === 'asc' ? '↑' : '↓'}${c.header}` : c.header;

export type ListStatus = 'loading' | 'error' | 'empty' | 'ready';

export interface ListViewProps<T> {
  readonly columns: readonly Column<T>[];
  /** only the rows on screen: the caller pages */
  readonly rows: readonly T[];
  readonly cursor: number;
  readonly width: number;
  /** lines available, the header line included */
  readonly height: number;
  readonly status: ListStatus;
  /** the error, or what "empty" means here */
  readonly message?: string;
  readonly rowKey: (row: T) => string | number;
  /** the sort in force: its column's header carries ↑ or ↓ */
  readonly sort?: ColumnSort;
}

/**
 * The columns that fit `width`: those with a `drop` rank are left out, lowest rank first, until
 * the fixed ones and the 0-width one at its `min` fit, so the column naming the row is the last cut.
 */
export function fittedColumns<T>(columns: readonly Column<T>[], width: number): readonly Column<T>[] {
  const need = (cs: readonly Column<T>[]): number => cs.reduce((n, c) => n + (c.width > 0 ? c.width : (c.min ?? 8)) + 1, MARKER);
  let shown = columns;
  while (need(shown) > width) {
    const next = shown.filter((c) => c.drop !== undefined).sort((a, b) => a.drop! - b.drop!)[0];
    if (!next) break;
    shown = shown.filter((c) => c !== next);
  }
  return shown;
}

/** Column widths for the terminal: fixed ones as asked, the rest to the 0-width column. */
export function columnWidths<T>(columns: readonly Column<T>[], width: number): number[] {
  const fixed = columns.reduce((n, c) => n + c.width + 1, MARKER);
  return columns.map((c) => (c.width > 0 ? c.width : Math.max(c.min ?? 8, width - fixed - 1)));
}

/** A table of the rows on screen: header, `>` and inverse on the selected row, or one line saying why there are none. */
export function ListView<T>({ columns: all, rows, cursor, width, height, status, message, rowKey, sort }: ListViewProps<T>) {
  const columns = useMemo(() => fittedColumns(all, width), [all, width]);
  const widths = useMemo(() => columnWidths(columns, width), [columns, width]);
  const header = (
    <ToneText tone="title" wrap="truncate-end">
      {'  ' + columns.map((c, i) => fitColumns(headerText(c, sort), widths[i]!, c.align)).join(' ')}
    </ToneText>
  );
  if (status !== 'ready') {
    const text = status === 'loading' ? 'Loading…' : status === 'error' ? `Error: ${inert(message)}` : inert(message) || 'Nothing here.';
    return (
      <Box flexDirection="column" height={height} width={width}>
        {header}
        <ToneText tone={status === 'error' ? 'danger' : 'muted'} wrap="truncate-end">
          {text}
        </ToneText>
      </Box>
    );
  }
  return (
    // No overflow clip: the rows are cut to the height and each line to the width already, and a
    // clip makes Ink slice every line of every frame again (a third of a frame's time).
    <Box flexDirection="column" height={height} width={width}>
      {header}
      <ListRows rows={rows} count={Math.max(0, height - 1)} columns={columns} widths={widths} width={width} cursor={cursor} rowKey={rowKey} />
    </Box>
  );
}
