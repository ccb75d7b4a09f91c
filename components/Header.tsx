import React from 'react';
import { Box, Text } from 'ink';
import { ToneText } from './theme/index.js';
import { inert } from './text/inert.js';

export interface HeaderProps {
  readonly path: string;
  readonly readOnly: boolean;
  /** who is at the console and as what: `U123 (alice, admin)`, `root (OS user, not in users: admin)` */
  readonly operator: string;
  /** where the operator is: screen, then what was opened from it */
  readonly breadcrumbs: readonly string[];
}

/** Two lines: the database and who is at the console; then the breadcrumbs. */
export function Header({ path, readOnly, operator, breadcrumbs }: HeaderProps) {
  return (
    <Box flexDirection="column">
      <Box>
        <Box flexShrink={0} marginRight={1}>
          <ToneText tone="title">bematic-console</ToneText>
        </Box>
        {readOnly ? (
          <Box flexShrink={0} marginRight={1}>
            <ToneText tone="badge"> READ-ONLY </ToneText>
          </Box>
        ) : null}
        <Box flexGrow={1} flexShrink={1}>
          <Text wrap="truncate-start">{inert(path)}</Text>
        </Box>
        {/* shrinks with the path on a narrow terminal: the header must stay one line (a second one pushes the frame past the screen) */}
        <Box flexShrink={1} marginLeft={1}>
          <Text wrap="truncate-end">
            <ToneText tone="muted">{`operator: ${inert(operator)}`}</ToneText>
          </Text>
        </Box>
      </Box>
      <Text wrap="truncate-end">
        <ToneText tone="accent">{breadcrumbs.map((b) => inert(b)).join(' › ')}</ToneText>
      </Text>
    </Box>
  );
}
