import React from 'react';
import { Box, Text } from 'ink';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { dialogHeight, DIALOG_MAX_WIDTH } from '../../components/dialog-height.js';
import { ToneText } from '../../components/theme/index.js';
import { inert } from '../../components/text/inert.js';
import type { Undo } from './use-undo.js';

/** Lines the open confirmation or refusal takes (0 when none), so the screen gives the rest to its body. */
export function undoDialogLines(undo: Undo, width: number): number {
  if (undo.dialog) return dialogHeight(undo.dialog.message, width);
  if (undo.notice) return dialogHeight(undo.notice.message, width, 1);
  return 0;
}

/** The undo's confirmation (the diff, No selected), or why it cannot be done until the next key. */
export function UndoDialogs({ undo, width }: { undo: Undo; width: number }) {
  if (undo.dialog) return <ConfirmDialog {...undo.dialog} width={width} />;
  if (!undo.notice) return null;
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={Math.min(width, DIALOG_MAX_WIDTH)}>
      <ToneText tone="warning">{inert(undo.notice.title)}</ToneText>
      <Text wrap="wrap">{inert(undo.notice.message, true)}</Text>
      <ToneText tone="muted">any key closes</ToneText>
    </Box>
  );
}
