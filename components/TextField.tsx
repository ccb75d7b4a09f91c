import React from 'react';
import { Text } from 'ink';
import { ToneText } from './theme/index.js';
import { inert } from './text/inert.js';

/** A line being typed with its cursor at the end (a block; `_` where there is no inverse). */
export function TextField({ prompt, value, hint }: { prompt: string; value: string; hint?: string }) {
  return (
    <Text wrap="truncate-start">
      <ToneText tone="key">{prompt}</ToneText>
      {inert(value)}
      <ToneText selected>{'_'}</ToneText>
      {value === '' && hint ? <ToneText tone="muted">{` ${hint}`}</ToneText> : null}
    </Text>
  );
}
