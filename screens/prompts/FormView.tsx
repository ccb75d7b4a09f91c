import React from 'react';
import { Box, Text } from 'ink';
import { ToneText } from '../../components/theme/index.js';
import { TextField } from '../../components/TextField.js';
import { inert } from '../../components/text/inert.js';
import type { FormState } from './use-form.js';

const LABEL = 12;

/** Lines a form takes: borders, title, a line per field, and the refusal when there is one. */
export const formHeight = (form: FormState): number => form.fields.length + 3 + (form.error ? 1 : 0);

/** The form's fields, the focused one with its cursor; a refusal in one line under them. */
export function FormView({ form, width }: { form: FormState; width: number }) {
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={Math.min(width, 100)} flexShrink={0}>
      <ToneText tone="warning">{form.title}</ToneText>
      {form.fields.map((f, i) => {
        const value = form.values[f.name] ?? '';
        const focused = i === form.focus;
        return (
          <Box key={f.name}>
            <Box width={LABEL} flexShrink={0}>
              <ToneText tone={focused ? 'key' : 'muted'} wrap="truncate-end">{f.label}</ToneText>
            </Box>
            {f.choices ? (
              <Text wrap="truncate-end">
                <ToneText tone="muted">{focused ? '←' : ' '}</ToneText>
                <ToneText selected={focused}>{` ${inert(value)} `}</ToneText>
                <ToneText tone="muted">{focused ? '→' : ''}</ToneText>
              </Text>
            ) : focused ? (
              <TextField prompt="" value={value} hint={f.hint} onChange={form.onEdit} />
            ) : (
              <Text wrap="truncate-end">{value === '' ? <ToneText tone="muted">{f.hint ?? ''}</ToneText> : inert(value)}</Text>
            )}
          </Box>
        );
      })}
      {form.error ? <ToneText tone="danger" wrap="truncate-end">{inert(form.error)}</ToneText> : null}
    </Box>
  );
}
