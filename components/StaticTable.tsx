import React, { createContext, useContext, type ReactNode } from 'react';
import { Box } from 'ink';
import { Table, type CellProps } from 'ink-table';
import { ToneText, type Tone } from './theme/index.js';
import { displayWidth } from './text/width.js';
import { cellText, fitTable, frameWidth, type TableColumn } from './table-layout.js';

export type { TableColumn } from './table-layout.js';

/** The cells ink-table is given: one string per column, each already `width` terminal cells. */
type Cells = Record<string, string>;

interface Layout {
  readonly widths: readonly number[];
  readonly titles: readonly string[];
  readonly tones: readonly (Tone | undefined)[];
}
const LayoutContext = createContext<Layout>({ widths: [], titles: [], tones: [] });

/**
 * ink-table pads by UTF-16 length; the cells here are measured in terminal cells. Every cell it
 * draws is put back to its column's width in cells, so a CJK or emoji cell keeps the borders straight.
 */
const toWidth = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

function Cell({ column, children }: CellProps) {
  const { widths, tones } = useContext(LayoutContext);
  return <ToneText tone={tones[column]}>{toWidth(String(children ?? '').trimEnd(), (widths[column] ?? 0) + 2)}</ToneText>;
}

function Header({ column }: { column?: number; children?: ReactNode }) {
  const { widths, titles } = useContext(LayoutContext);
  const c = column ?? 0;
  return <ToneText tone="title">{` ${cellText(titles[c] ?? '', widths[c] ?? 0)} `}</ToneText>;
}

/** Borders: a run of line characters is drawn to the column's width in cells; corners as they come. */
function Skeleton({ column, children }: { column?: number; children?: ReactNode }) {
  const { widths } = useContext(LayoutContext);
  const text = String(children ?? '');
  return <ToneText tone="muted">{column === undefined ? text : (text[0] ?? ' ').repeat((widths[column] ?? 0) + 2)}</ToneText>;
}

/** ink-table with one rule under the headings and none between rows: a table of N rows is N + 4 lines. */
class CompactTable extends Table<Cells> {
  override render() {
    const columns = this.getColumns();
    return (
      <Box flexDirection="column">
        {this.header({ key: 'header', columns, data: {} })}
        {this.heading({ key: 'heading', columns, data: this.getHeadings() })}
        {this.separator({ key: 'separator', columns, data: {} })}
        {this.props.data.map((row, i) => (
          <React.Fragment key={i}>{this.data({ key: `row-${i}`, columns, data: row })}</React.Fragment>
        ))}
        {this.footer({ key: 'footer', columns, data: {} })}
      </Box>
    );
  }
}

export interface StaticTableProps<R> {
  readonly columns: readonly TableColumn<R>[];
  readonly rows: readonly R[];
  /** the terminal cells the table may take: no line is wider */
  readonly width: number;
  /** at most this many rows; the rest are counted on a line below */
  readonly maxRows?: number;
  /** shown instead of the table when there are no rows */
  readonly empty?: string;
}

/** Lines a table of `rows` rows takes (with the count of rows left out, if cut). */
export const staticTableHeight = (rows: number, maxRows = Infinity): number => (rows === 0 ? 1 : Math.min(rows, maxRows) + 4 + (rows > maxRows ? 1 : 0));

/**
 * The console's one static table (statistics, permissions, before and after): ink-table draws the
 * frame; every cell is made inert and the columns are fitted to `width` in terminal cells.
 */
export function StaticTable<R>({ columns, rows, width, maxRows = Infinity, empty = 'none' }: StaticTableProps<R>) {
  if (rows.length === 0)
    return (
      <ToneText tone="muted" wrap="truncate-end">
        {empty}
      </ToneText>
    );
  const shownRows = rows.slice(0, Math.max(1, maxRows));
  const fit = fitTable(columns, shownRows, width);
  const layout: Layout = {
    widths: fit.widths,
    titles: fit.columns.map((c) => c.title),
    tones: fit.columns.map((c) => c.tone),
  };
  const keys = fit.columns.map((_, i) => `c${i}`);
  const data = shownRows.map((r) => Object.fromEntries(fit.columns.map((c, i) => [keys[i]!, cellText(c.text(r, fit.widths[i]!), fit.widths[i]!, c.align)])));
  const left = rows.length - shownRows.length;
  return (
    <Box flexDirection="column" width={Math.min(width, frameWidth(fit.columns.length) + fit.widths.reduce((a, b) => a + b, 0))} flexShrink={0}>
      <LayoutContext.Provider value={layout}>
        <CompactTable data={data} columns={keys} padding={1} cell={Cell} header={Header} skeleton={Skeleton} />
      </LayoutContext.Provider>
      {left > 0 ? <ToneText tone="muted" wrap="truncate-end">{`… and ${left} more`}</ToneText> : null}
    </Box>
  );
}
