import React from 'react';
import { Box, Text } from 'ink';
import { ToneText, type Tone } from './theme/index.js';

/** One line of a detail page; a `link` line opens something with Enter. */
export interface DetailLine {
  readonly text: string;
  readonly label?: string;
  readonly tone?: Tone;
  readonly link?: string;
}

export interface DetailLinesProps {
  readonly lines: readonly DetailLine[];
  readonly cursor: number;
  readonly offset: number;
  readonly height: number;
  readonly labelWidth: number;
}

/** The visible slice of a detail page: label column, text, `>` on the cursor line, links underlined by tone. */
export function DetailLines({ lines, cursor, offset, height, labelWidth }: DetailLinesProps) {
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      {lines.slice(offset, offset + height).map((line, i) => {
        const at = offset + i;
        const selected = at === cursor;
        return (
          <Box key={at}>
            <Box width={2} flexShrink={0}>
              <Text bold>{selected ? '>' : ' '}</Text>
            </Box>
            <Box width={labelWidth} flexShrink={0}>
              <ToneText tone="muted" wrap="truncate-end">
                {line.label ?? ''}
              </ToneText>
            </Box>
            <ToneText tone={line.link ? 'accent' : line.tone} selected={selected} wrap="truncate-end">
              {line.text === '' && selected ? ' ' : line.text}
            </ToneText>
          </Box>
        );
      })}
    </Box>
  );
}
