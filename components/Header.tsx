import React from 'react';
import { Box, Text } from 'ink';
import { ToneText } from './theme/index.js';
import { inert } from './text/inert.js';
import { truncate } from './text/width.js';

export interface HeaderProps {
  readonly path: string;
  readonly readOnly: boolean;
  /** who is at the console and as what: `U123 (alice, admin)`, `root (OS user, not in users: admin)` */
  readonly operator: string;
  /** where the operator is: screen, then what was opened from it */
  readonly breadcrumbs: readonly string[];
  /** the terminal's width: the operator takes at most half of it, the path the rest */
  readonly width: number;
}

/** Two lines: the database and who is at the console; then the breadcrumbs. */
export function Header({ path, readOnly, operator, breadcrumbs, width }: HeaderProps) {
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
        {/* cut to half the width by hand: left to flex shrinking, Ink drew the whole line as a lone … at 80 columns */}
        <Box flexShrink={0} marginLeft={1}>
          <ToneText tone="muted">{truncate(`operator: ${inert(operator)}`, Math.max(12, Math.floor(width / 2)))}</ToneText>
        </Box>
      </Box>
      <Text wrap="truncate-end">
        <ToneText tone="accent">{breadcrumbs.map((b) => inert(b)).join(' › ')}</ToneText>
      </Text>
    </Box>
  );
}
