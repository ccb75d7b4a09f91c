import React from 'react';
import { Box, Text } from 'ink';
import { ToneText, type Tone } from './theme/index.js';
import { inert } from './text/inert.js';

export interface Column<T> {
  readonly header: string;
  /** characters; 0 takes what is left */
  readonly width: number;
  readonly value: (row: T) => string;
  readonly tone?: (row: T) => Tone | undefined;
  readonly align?: 'left' | 'right';
}

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
}

const MARKER = 2;

/** Column widths for the terminal: fixed ones as asked, the rest to the 0-width column. */
export function columnWidths<T>(columns: readonly Column<T>[], width: number): number[] {
  const fixed = columns.reduce((n, c) => n + c.width + 1, MARKER);
  return columns.map((c) => (c.width > 0 ? c.width : Math.max(8, width - fixed - 1)));
}

function Cell({ text, width, tone, selected, align }: { text: string; width: number; tone?: Tone; selected: boolean; align?: 'left' | 'right' }) {
  return (
    <Box width={width} marginRight={1} justifyContent={align === 'right' ? 'flex-end' : 'flex-start'}>
      <ToneText tone={tone} selected={selected} wrap="truncate-end">
        {text}
      </ToneText>
    </Box>
  );
}

/** A table of the rows on screen: header, `>` and inverse on the selected row, or one line saying why there are none. */
export function ListView<T>({ columns, rows, cursor, width, height, status, message, rowKey }: ListViewProps<T>) {
  const widths = columnWidths(columns, width);
  const header = (
    <Box>
      <Box width={MARKER} />
      {columns.map((c, i) => (
        <Cell key={c.header} text={c.header} width={widths[i]!} tone="title" selected={false} align={c.align} />
      ))}
    </Box>
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
    <Box flexDirection="column" height={height} width={width} overflow="hidden">
      {header}
      {rows.slice(0, Math.max(0, height - 1)).map((row, r) => {
        const selected = r === cursor;
        return (
          <Box key={rowKey(row)}>
            <Box width={MARKER}>
              <Text bold>{selected ? '>' : ' '}</Text>
            </Box>
            {columns.map((c, i) => (
              <Cell key={c.header} text={inert(c.value(row))} width={widths[i]!} tone={c.tone?.(row)} selected={selected} align={c.align} />
            ))}
          </Box>
        );
      })}
    </Box>
  );
}
