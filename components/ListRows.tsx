import React, { memo, useMemo, type ReactNode } from 'react';
import { Text } from 'ink';
import { ToneText } from './theme/index.js';
import { Line } from './Line.js';
import { inert } from './text/inert.js';
import { fitColumns } from './text/width.js';
import { ELLIPSIS, restoreEllipsis, standInFor } from './text/ascii-line.js';
import type { Column } from './ListView.js';

/** The `> ` before the selected row (blank before the others): columns. */
export const MARKER = 2;

/** A page's cells, fitted to their columns, with one ASCII stand-in for `…` across the page. */
interface PageCells {
  readonly cells: readonly (readonly string[])[];
  readonly standIn: string | null;
}

function pageCells<T>(rows: readonly T[], columns: readonly Column<T>[], widths: readonly number[]): PageCells {
  const cells = rows.map((row) => columns.map((c, i) => fitColumns(inert(c.value(row)), widths[i]!, c.align)));
  if (!cells.some((r) => r.some((t) => t.includes(ELLIPSIS)))) return { cells, standIn: null };
  // Ink measures the text before drawing it: an ASCII stand-in for each `…` keeps that on its fast
  // path (text/ascii-line.ts); the block's transform puts `…` back on every line, so the stand-in
  // must be in no cell of the page
  const standIn = standInFor(cells.flat());
  if (standIn === null) return { cells, standIn };
  return { cells: cells.map((r) => (r.some((t) => t.includes(ELLIPSIS)) ? r.map((t) => t.replaceAll(ELLIPSIS, standIn)) : r)), standIn };
}

interface RowProps<T> {
  readonly row: T;
  readonly cells: readonly string[];
  readonly columns: readonly Column<T>[];
  readonly selected: boolean;
  /** the page's last row: no line break after it */
  readonly last: boolean;
}

/**
 * A row's text inside the page's block. Cells with neither a tone nor a render of their own go in
 * as one plain string, and an unselected row has no styled wrapper: each styled `<Text>` is a node
 * React mounts and Ink styles on every new page, and most cells have no style.
 */
function RowText<T>({ row, cells, columns, selected, last }: RowProps<T>) {
  const parts: ReactNode[] = selected
    ? [
        <Text key="marker" bold>
          {'> '}
        </Text>,
      ]
    : [];
  let plain = selected ? '' : ' '.repeat(MARKER);
  columns.forEach((c, i) => {
    const text = cells[i]!;
    const tone = c.tone?.(row);
    if (tone === undefined && !c.render) {
      plain += text + ' ';
      return;
    }
    if (plain !== '') parts.push(plain);
    plain = '';
    parts.push(
      <ToneText key={c.header} tone={tone}>
        {c.render ? <>{c.render(text, row)} </> : text + ' '}
      </ToneText>,
    );
  });
  if (plain !== '') parts.push(plain);
  return (
    <>
      {selected ? <ToneText selected>{parts}</ToneText> : parts}
      {last ? null : '\n'}
    </>
  );
}

// Moving the cursor renders two rows again, not all of them.
const Row = memo(RowText) as typeof RowText;

export interface ListRowsProps<T> {
  /** the rows from the first on screen; `count` of them are shown */
  readonly rows: readonly T[];
  readonly count: number;
  readonly columns: readonly Column<T>[];
  readonly widths: readonly number[];
  readonly width: number;
  readonly cursor: number;
  readonly rowKey: (row: T) => string | number;
}

/**
 * The rows on screen as one block of text of a fixed size: a new page mounts no layout node per row
 * (a Yoga node and its styles each, about 1.3 ms of a PgDn), and Ink draws the block line by line.
 * Each line must fit the width, since Ink would cut the block as a whole: where the columns are
 * wider than the list (a narrow terminal and a column that is never dropped), each row is a line
 * of its own that Ink cuts at the width.
 */
export function ListRows<T>({ rows: all, count, columns, widths, width, cursor, rowKey }: ListRowsProps<T>) {
  const rows = useMemo(() => all.slice(0, count), [all, count]);
  const { cells, standIn } = useMemo(() => pageCells(rows, columns, widths), [rows, columns, widths]);
  const transform = standIn === null ? undefined : restoreEllipsis(standIn);
  const fits = widths.reduce((n, w) => n + w + 1, MARKER) <= width;
  const row = (r: number, last: boolean): ReactNode => <Row key={rowKey(rows[r]!)} row={rows[r]!} cells={cells[r]!} columns={columns} selected={r === cursor} last={last} />;
  if (rows.length === 0) return null;
  if (!fits) {
    return rows.map((_, r) => (
      <Line key={rowKey(rows[r]!)} width={width} transform={transform}>
        {row(r, true)}
      </Line>
    ));
  }
  return (
    <Line width={width} height={rows.length} transform={transform}>
      {rows.map((_, r) => row(r, r === rows.length - 1))}
    </Line>
  );
}
