import React, { type ReactNode } from 'react';
import { Box } from 'ink';
import { ToneText } from './theme/index.js';

/** A titled block of a dashboard. */
export function Panel({ title, width, children }: { title: string; width?: number; children: ReactNode }) {
  return (
    <Box flexDirection="column" width={width} marginRight={2} marginBottom={1}>
      <ToneText tone="title">{title}</ToneText>
      {children}
    </Box>
  );
}
