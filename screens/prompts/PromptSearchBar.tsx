import React from 'react';
import { Box, Text } from 'ink';
import { TextField } from '../../components/TextField.js';
import { ToneText } from '../../components/theme/index.js';
import { inert } from '../../components/text/inert.js';

export interface PromptSearchBarProps {
  readonly editing: boolean;
  readonly draft: string;
  readonly query: string;
  /** typed but too short to search as you type */
  readonly waiting: boolean;
  /** the filters picked from the lists, in words */
  readonly picked: string;
  /** where the list is, or that the statistics show */
  readonly position: string;
  /** while editing: the field takes the keys and says each edit here */
  readonly onDraft?: (draft: string) => void;
}

/** One line: the search being typed or in force, the picked filters, and the position at the right. */
export function PromptSearchBar({ editing, draft, query, waiting, picked, position, onDraft }: PromptSearchBarProps) {
  return (
    <Box justifyContent="space-between">
      <Box flexShrink={1}>
        {editing ? (
          <TextField prompt="/" value={draft} hint="prompt or context contains (any case; % _ and quotes are plain)" onChange={onDraft} />
        ) : query ? (
          <Text wrap="truncate-end">
            <ToneText tone="muted">search </ToneText>
            {inert(query)}
          </Text>
        ) : (
          <ToneText tone="muted">/ to search</ToneText>
        )}
        {waiting ? <ToneText tone="muted"> (3 characters search as you type; Enter searches now)</ToneText> : null}
        {picked ? <ToneText tone="accent">{`  ${inert(picked)}`}</ToneText> : null}
      </Box>
      <Box flexShrink={0} marginLeft={1}>
        <ToneText tone="muted">{position}</ToneText>
      </Box>
    </Box>
  );
}
