import React from 'react';
import { Box, Text } from 'ink';
import { ToneText, type Tone } from './theme/index.js';
import { inert } from './text/inert.js';
import { barFill } from './bar-text.js';

export interface BarProps {
  readonly label: string;
  readonly value: number;
  readonly max: number;
  /** characters for the bar itself */
  readonly width: number;
  readonly labelWidth: number;
  readonly tone?: Tone;
  /** the number shown after the bar */
  readonly text: string;
}

/** label ████░░ 1,234: a horizontal bar that reads in monochrome too. */
export function Bar({ label, value, max, width, labelWidth, tone, text }: BarProps) {
  const filled = barFill(value, max, width);
  return (
    <Box>
      <Box width={labelWidth} flexShrink={0}>
        {/* labels are stored values (a task status, a category): never let their escapes reach the terminal */}
        <ToneText tone={tone} wrap="truncate-end">
          {inert(label)}
        </ToneText>
      </Box>
      <ToneText tone={tone}>{'█'.repeat(filled)}</ToneText>
      <ToneText tone="muted">{'░'.repeat(Math.max(0, width - filled))}</ToneText>
      <Text> {inert(text)}</Text>
    </Box>
  );
}
