import React from 'react';
import { Text } from 'ink';
import { ToneText } from './theme/index.js';

export interface DeltaBarProps {
  /** the signed difference, e.g. -0.25 for 25% under */
  readonly value: number;
  /** the difference that fills one side; larger ones are cut and marked */
  readonly span: number;
  /** columns for each side of the centre line */
  readonly half: number;
}

/** A bar both ways from a centre line: under to the left, over to the right; `◂`/`▸` where it is cut. */
export function DeltaBar({ value, span, half }: DeltaBarProps) {
  const cells = span > 0 ? Math.min(half, Math.round((Math.abs(value) / span) * half)) : 0;
  const shown = value !== 0 ? Math.max(1, cells) : 0;
  const cut = Math.abs(value) > span;
  const body = '━'.repeat(Math.max(0, shown - (cut ? 1 : 0)));
  const left = value < 0 ? (cut ? '◂' : '') + body : '';
  const right = value > 0 ? body + (cut ? '▸' : '') : '';
  return (
    <Text>
      {' '.repeat(half - left.length)}
      <ToneText tone="success">{left}</ToneText>
      <ToneText tone="muted">│</ToneText>
      <ToneText tone="warning">{right}</ToneText>
      {' '.repeat(half - right.length)}
    </Text>
  );
}
