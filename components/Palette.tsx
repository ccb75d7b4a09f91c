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
}

/** `:` jump anywhere: type to narrow the screens, Enter goes to the selected one. */
export function Palette({ query, items, selected, width, onQuery }: PaletteProps) {
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={Math.min(width, 48)}>
      <TextField prompt=":" value={query} hint="screen name or number" onChange={onQuery} />
      {items.length === 0 ? (
        <ToneText tone="muted">no screen matches</ToneText>
      ) : (
        items.map((item, i) => (
          <Box key={item.id}>
            <Text bold>{i === selected ? '> ' : '  '}</Text>
            <ToneText selected={i === selected}>{`${item.number ?? ' '} ${item.title}`}</ToneText>
          </Box>
        ))
      )}
    </Box>
  );
}

/** Screens whose title or id contain the query, by number. */
export function filterPaletteItems(items: readonly PaletteItem[], query: string): PaletteItem[] {
  const q = query.trim().toLowerCase();
  return items.filter((i) => !q || i.title.toLowerCase().includes(q) || i.id.includes(q) || String(i.number) === q);
}
