import React from 'react';
import { Box, Text } from 'ink';
import { ToneText } from './theme/index.js';
import { TextField } from './TextField.js';
import { inert } from './text/inert.js';
import { DIALOG_MAX_WIDTH, dialogHeight, dialogMessageLines } from './dialog-height.js';

export interface TypedConfirmDialogProps {
  readonly title: string;
  readonly message: string;
  /** the word to type */
  readonly word: string;
  readonly typed: string;
  /** Enter was pressed with another text: say so */
  readonly mismatch: boolean;
  readonly width: number;
  /** the field takes the keys and says each edit here */
  readonly onTyped?: (typed: string) => void;
}

/** A bulk action's question: the operator types the word; Enter does nothing until it matches. */
export function TypedConfirmDialog({ title, message, word, typed, mismatch, width, onTyped }: TypedConfirmDialogProps) {
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={Math.min(width, DIALOG_MAX_WIDTH)}>
      <ToneText tone="danger">{inert(title)}</ToneText>
      <Text wrap="wrap">{dialogMessageLines(inert(message, true), width).join('\n')}</Text>
      <TextField prompt={`Type ${inert(word)} to confirm: `} value={typed} onChange={onTyped} />
      {mismatch ? (
        <ToneText tone="danger" wrap="truncate-end">{`That is not "${inert(word)}": nothing was done. Esc cancels.`}</ToneText>
      ) : (
        <ToneText tone="muted" wrap="truncate-end">{`Enter works once "${inert(word)}" is typed; Esc cancels.`}</ToneText>
      )}
    </Box>
  );
}

/** Lines the dialog takes at this width. */
export const typedConfirmLines = (message: string, width: number): number => dialogHeight(message, width, 2);
