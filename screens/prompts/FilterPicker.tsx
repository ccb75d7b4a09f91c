import React from 'react';
import { Box, Text } from 'ink';
import { ToneText } from '../../components/theme/index.js';
import { StateLine } from '../../components/StateLine.js';
import { inert } from '../../components/text/inert.js';
import { fitColumns } from '../../components/text/width.js';
import { formatCount } from '../../components/text/format.js';
import type { QueryState } from '../../src/hooks/use-query.js';
import type { PickerOption } from './picker-options.js';

export interface FilterPickerProps {
  readonly title: string;
  readonly options: QueryState<PickerOption[]>;
  readonly cursor: number;
  readonly width: number;
  /** lines for the whole box, borders included */
  readonly height: number;
}

const LABEL = 28;

/** A framed list of choices with their counts; the window follows the cursor. */
export function FilterPickerView({ title, options, cursor, width, height }: FilterPickerProps) {
  const rows = Math.max(1, Math.min(height - 3, options.status === 'ready' ? options.data.length : 1));
  const body = (() => {
    if (options.status !== 'ready') return <StateLine status={options.status} error={options.status === 'error' ? options.error : undefined} />;
    const all = options.data;
    const offset = Math.max(0, Math.min(cursor - Math.floor(rows / 2), all.length - rows));
    return all.slice(offset, offset + rows).map((o, i) => {
      const selected = offset + i === cursor;
      return (
        <Text key={`${o.value ?? ''}:${offset + i}`} wrap="truncate-end">
          <Text bold>{selected ? '> ' : '  '}</Text>
          <ToneText selected={selected}>{fitColumns(inert(o.label), LABEL)}</ToneText>
          <ToneText tone="muted">{o.count === null ? '' : fitColumns(formatCount(o.count), 10, 'right')}</ToneText>
        </Text>
      );
    });
  })();
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={Math.min(width, LABEL + 18)} height={rows + 3}>
      <ToneText tone="title">{title}</ToneText>
      {body}
    </Box>
  );
}
