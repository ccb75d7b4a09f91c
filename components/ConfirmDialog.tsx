import React from 'react';
import { Box, Text } from 'ink';
import { ToneText } from './theme/index.js';
import { inert } from './text/inert.js';
import { DIALOG_MAX_WIDTH, dialogMessageLines } from './dialog-height.js';

export type Choice = 'no' | 'yes';

export interface ConfirmDialogProps {
  readonly title: string;
  readonly message: string;
  /** No is selected first: the caller starts with 'no' */
  readonly choice: Choice;
  readonly width: number;
}

function Button({ label, selected }: { label: string; selected: boolean }) {
  return (
    <Box marginRight={2}>
      <Text bold>{selected ? '>' : ' '}</Text>
      <ToneText tone={selected ? 'key' : 'muted'} selected={selected}>{` ${label} `}</ToneText>
    </Box>
  );
}

/** A question with No and Yes; `y` and `n` are the keys, the selection is for Enter. */
export function ConfirmDialog({ title, message, choice, width }: ConfirmDialogProps) {
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={Math.min(width, DIALOG_MAX_WIDTH)}>
      <ToneText tone="warning">{inert(title)}</ToneText>
      <Text wrap="wrap">{dialogMessageLines(inert(message, true), width).join('\n')}</Text>
      <Box marginTop={1}>
        <Button label="No (n)" selected={choice === 'no'} />
        <Button label="Yes (y)" selected={choice === 'yes'} />
      </Box>
    </Box>
  );
}
