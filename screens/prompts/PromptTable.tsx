import React, { memo, useMemo } from 'react';
import { Box, Text } from 'ink';
import { ToneText } from '../../components/theme/index.js';
import { inert } from '../../components/text/inert.js';
import { fitColumns } from '../../components/text/width.js';
import { columnWidths, type Column, type ListStatus } from '../../components/ListView.js';
import type { DecodedPrompt } from '../../db/repositories/prompt-history-values.js';
import { highlightSegments } from './highlight.js';
import { promptColumns, promptLine } from './prompt-columns.js';

export interface PromptTableProps {
  readonly rows: readonly DecodedPrompt[];
  readonly cursor: number;
  readonly status: ListStatus;
  readonly message?: string;
  /** the search in force: its matches are highlighted */
  readonly query: string;
  readonly width: number;
  readonly height: number;
}

interface RowProps {
  readonly row: DecodedPrompt;
  readonly columns: readonly Column<DecodedPrompt>[];
  readonly widths: readonly number[];
  readonly selected: boolean;
  readonly query: string;
}

function RowLine({ row, columns, widths, selected, query }: RowProps) {
  const textWidth = widths[widths.length - 1]!;
  const fixed = columns.slice(0, -1);
  const line = fitColumns(promptLine(row, query, textWidth), textWidth);
  return (
    <ToneText selected={selected} wrap="truncate-end">
      <Text bold>{selected ? '> ' : '  '}</Text>
      {fixed.map((c, i) => (
        <ToneText key={c.header} tone={c.tone?.(row)}>
          {fitColumns(inert(c.value(row)), widths[i]!, c.align) + ' '}
        </ToneText>
      ))}
      {highlightSegments(line, query).map((s, i) => (
        <ToneText key={i} tone={s.match ? 'badge' : undefined}>
          {s.text}
        </ToneText>
      ))}
    </ToneText>
  );
}

const Row = memo(RowLine);

/** The prompts on screen: fixed columns, then the prompt with the search's matches highlighted. */
export function PromptTable({ rows, cursor, status, message, query, width, height }: PromptTableProps) {
  const columns = useMemo(() => [...promptColumns(width), { header: 'Prompt', width: 0, value: () => '' }], [width]);
  const widths = useMemo(() => columnWidths(columns, width), [columns, width]);
  const header = (
    <ToneText tone="title" wrap="truncate-end">
      {'  ' + columns.map((c, i) => fitColumns(c.header, widths[i]!, c.align)).join(' ')}
    </ToneText>
  );
  return (
    <Box flexDirection="column" height={height} width={width} overflow="hidden">
      {header}
      {status === 'ready' ? (
        rows.slice(0, Math.max(0, height - 1)).map((row, r) => <Row key={row.id} row={row} columns={columns} widths={widths} selected={r === cursor} query={query} />)
      ) : (
        <ToneText tone={status === 'error' ? 'danger' : 'muted'} wrap="truncate-end">
          {status === 'loading' ? 'Loading…' : status === 'error' ? `Error: ${inert(message)}` : inert(message)}
        </ToneText>
      )}
    </Box>
  );
}
