import React from 'react';
import { Box } from 'ink';
import { ToneText, type Tone } from './theme/index.js';

const LEVELS = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

export interface SparklineProps {
  readonly values: readonly number[];
  /** lines tall: each line holds eight steps */
  readonly height?: number;
  /** columns per value */
  readonly cellWidth?: number;
  readonly tone?: Tone;
}

/** The glyph rows of a column chart, top line first: each value a column of eighths, scaled to the largest. */
export function sparkRows(values: readonly number[], height: number, cellWidth: number): string[] {
  const max = Math.max(0, ...values);
  const steps = values.map((v) => (max > 0 && v > 0 ? Math.max(1, Math.round((v / max) * height * 8)) : 0));
  return Array.from({ length: height }, (_, line) => {
    const floor = (height - 1 - line) * 8;
    return steps.map((s) => LEVELS[Math.max(0, Math.min(8, s - floor))]!.repeat(cellWidth)).join('');
  });
}

/** A column chart in block characters: readable in monochrome, a non-zero value never vanishes. */
export function Sparkline({ values, height = 1, cellWidth = 1, tone = 'accent' }: SparklineProps) {
  return (
    <Box flexDirection="column">
      {sparkRows(values, height, cellWidth).map((row, i) => (
        <ToneText key={i} tone={tone}>
          {row}
        </ToneText>
      ))}
    </Box>
  );
}
