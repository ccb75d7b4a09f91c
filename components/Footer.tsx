import React from 'react';
import { Box, Text } from 'ink';
import { ToneText, type Tone } from './theme/index.js';
import { inert } from './text/inert.js';

export interface FooterProps {
  readonly hints: readonly { readonly keys: string; readonly description: string }[];
  /** the outcome of the last action, in one line, instead of the hints */
  readonly message?: { readonly text: string; readonly tone: Tone } | null;
}

/** The bottom line: the keys that work here, or the result of what was just done. */
export function Footer({ hints, message }: FooterProps) {
  if (message) {
    return (
      <Text wrap="truncate-end">
        <ToneText tone={message.tone}>{inert(message.text)}</ToneText>
      </Text>
    );
  }
  return (
    <Box>
      <Text wrap="truncate-end">
        {hints.map((h, i) => (
          <Text key={`${h.keys}${h.description}`}>
            {i > 0 ? '  ' : ''}
            <ToneText tone="key">{h.keys}</ToneText> {h.description}
          </Text>
        ))}
      </Text>
    </Box>
  );
}
