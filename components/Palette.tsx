import React from 'react';
import { Box, Text } from 'ink';
import { TextField } from './TextField.js';
import { ToneText } from './theme/index.js';

export interface PaletteItem {
  readonly id: string;
  readonly title: string;
  readonly number?: number;
}

export interface PaletteProps {
  readonly query: string;
  /** already filtered by the query */
  readonly items: readonly PaletteItem[];
  readonly selected: number;
  readonly width: number;
  /** the query field takes the keys and says each edit here */
  readonly onQuery?: (query: string) => void;
  /** lines the box may take: when the screens do not fit, a window of them around the selected one, and how many are hidden */
  readonly height?: number;
}

/** `:` jump anywhere: type to narrow the screens, Enter goes to the selected one. */
export function Palette({ query, items, selected, width, onQuery, height }: PaletteProps) {
  // border, query line: 3; a line for saying what is hidden when not all fit
  const room = height !== undefined && items.length + 3 > height ? Math.max(1, height - 4) : items.length;
  const start = Math.max(0, Math.min(selected - room + 1, items.length - room));
  const shown = items.slice(start, start + room);
  const hidden = items.length - shown.length;
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={Math.min(width, 48)}>
      <TextField prompt=":" value={query} hint="screen name or number" onChange={onQuery} />
      {items.length === 0 ? (
        <ToneText tone="muted">no screen matches</ToneText>
      ) : (
        shown.map((item, n) => (
          <Box key={item.id}>
            <Text bold>{start + n === selected ? '> ' : '  '}</Text>
            <ToneText selected={start + n === selected}>{`${item.number ?? ' '} ${item.title}`}</ToneText>
          </Box>
        ))
      )}
      {hidden > 0 ? (
        <ToneText tone="muted" wrap="truncate-end">
          {`${start > 0 ? `↑ ${start} above ` : ''}${items.length - start - room > 0 ? `↓ ${items.length - start - room} below` : ''}`.trim()}
        </ToneText>
      ) : null}
    </Box>
  );
}

/** Screens whose title or id contain the query, by number. */
export function filterPaletteItems(items: readonly PaletteItem[], query: string): PaletteItem[] {
  const q = query.trim().toLowerCase();
  return items.filter((i) => !q || i.title.toLowerCase().includes(q) || i.id.includes(q) || String(i.number) === q);
}
