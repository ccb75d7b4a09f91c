import React from 'react';
import { Box, Text } from 'ink';
import { TextField } from './TextField.js';
import { ToneText } from './theme/index.js';
import { Line } from './Line.js';
import { inert } from './text/inert.js';

export interface FilterBarProps {
  readonly editing: boolean;
  /** the text being typed */
  readonly draft: string;
  /** the filter in force */
  readonly applied: string;
  /** the field names it understands, shown as the placeholder */
  readonly fields: readonly string[];
  readonly position: string;
  /** while editing: the field takes the keys and says each edit here */
  readonly onDraft?: (draft: string) => void;
}

/** One line: the filter being typed or the one in force, and the list position at the right. */
export function FilterBar({ editing, draft, applied, fields, position, onDraft }: FilterBarProps) {
  const placeholder = `${fields.map((f) => `${f}:…`).join(' ')} text`;
  return (
    <Box justifyContent="space-between">
      <Box flexShrink={1}>
        {editing ? (
          <TextField prompt="/" value={draft} hint={placeholder} onChange={onDraft} />
        ) : applied ? (
          <Text wrap="truncate-end">
            <ToneText tone="muted">filter </ToneText>
            {inert(applied)}
          </Text>
        ) : (
          <ToneText tone="muted">/ to filter</ToneText>
        )}
      </Box>
      <Box flexShrink={0} marginLeft={1}>
        {/* A new position on every page: a fixed size keeps each out of Ink's measure cache (Line). */}
        <Line width={position.length}>
          <ToneText tone="muted">{position}</ToneText>
        </Line>
      </Box>
    </Box>
  );
}
