import React, { type ReactNode } from 'react';
import { Box } from 'ink';
import { ToneText } from './theme/index.js';

/**
 * A titled block of a dashboard: exactly its title and `lines` lines when given (no flex shrinking,
 * so a short terminal cuts a panel instead of drawing one over another); `gap` columns to its right.
 */
export function Panel({ title, width, lines, gap = 0, children }: { title: string; width?: number; lines?: number; gap?: number; children: ReactNode }) {
  return (
    <Box flexDirection="column" width={width} height={lines === undefined ? undefined : lines + 1} flexShrink={0} marginRight={gap} overflow="hidden">
      <ToneText tone="title" wrap="truncate-end">
        {title}
      </ToneText>
      {children}
    </Box>
  );
}
