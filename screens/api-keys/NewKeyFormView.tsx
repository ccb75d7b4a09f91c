import React from 'react';
import { Box, Text } from 'ink';
import { ToneText } from '../../components/theme/index.js';
import { TextField } from '../../components/TextField.js';
import { DIALOG_MAX_WIDTH } from '../../components/dialog-height.js';
import { inert } from '../../components/text/inert.js';
import type { NewKeyFormShown } from './use-new-key.js';

/** The two questions of `n`: the field being typed has the cursor, the one answered shows its value. */
export function NewKeyFormView({ form, width }: { form: NewKeyFormShown; width: number }) {
  const agentPrompt = 'Agent id: ';
  const daysPrompt = 'Expires in days (empty: never): ';
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={Math.min(width, DIALOG_MAX_WIDTH)}>
      <ToneText tone="warning">Issue a new API key</ToneText>
      {form.step === 'agent' ? <TextField prompt={agentPrompt} value={form.agent} onChange={form.onEdit} /> : <Text wrap="truncate-end">{agentPrompt + inert(form.agent)}</Text>}
      {form.step === 'days' ? <TextField prompt={daysPrompt} value={form.days} onChange={form.onEdit} /> : <ToneText tone="muted">{daysPrompt}</ToneText>}
      {form.error ? (
        <ToneText tone="danger" wrap="truncate-end">{inert(form.error)}</ToneText>
      ) : (
        <ToneText tone="muted" wrap="truncate-end">Enter goes on, Esc cancels; the key is shown once.</ToneText>
      )}
    </Box>
  );
}

export const NEW_KEY_FORM_LINES = 6;
