import React from 'react';
import { Box, Text } from 'ink';
import { ToneText } from '../theme/index.js';
import { inert } from '../text/inert.js';
import { TextField } from '../TextField.js';
import type { FormFieldView } from './types.js';

function Value({ field, focused, onEdit }: { field: FormFieldView; focused: boolean; onEdit?: (value: string) => void }) {
  const value = inert(field.value);
  if (field.kind === 'fixed') return <ToneText tone="muted">{value || field.placeholder || ''}</ToneText>;
  if (field.kind === 'choice') {
    return (
      <Text>
        <ToneText tone={focused ? 'key' : 'muted'}>{'‹ '}</ToneText>
        <ToneText selected={focused}>{value || '(none)'}</ToneText>
        <ToneText tone={focused ? 'key' : 'muted'}>{' ›'}</ToneText>
        {field.position ? <ToneText tone="muted">{`  ${field.position}`}</ToneText> : null}
      </Text>
    );
  }
  // the focused field, when its form lets it, is the one that takes the keys
  if (focused && onEdit) return <TextField prompt="" value={field.value} hint={field.placeholder} onChange={onEdit} />;
  return (
    <Text>
      {value}
      {focused ? <ToneText selected>{'_'}</ToneText> : null}
      {value === '' && field.placeholder ? <ToneText tone="muted">{focused ? ` ${field.placeholder}` : field.placeholder}</ToneText> : null}
    </Text>
  );
}

/** One field: `>` on the focused one, its label, its value, and its message on the line below. */
export function FormRow({ field, focused, labelWidth, onEdit }: { field: FormFieldView; focused: boolean; labelWidth: number; onEdit?: (value: string) => void }) {
  return (
    <Box flexDirection="column">
      <Box>
        <Box width={2} flexShrink={0}>
          <Text bold>{focused ? '>' : ' '}</Text>
        </Box>
        {/* the label column; a longer label pushes its value right, one space after it */}
        <Box minWidth={labelWidth} flexShrink={0}>
          <Box marginRight={1}>
            <ToneText tone={focused ? 'key' : 'muted'}>{field.label}</ToneText>
          </Box>
        </Box>
        <Box flexShrink={1}>
          <Text wrap="truncate-start">
            <Value field={field} focused={focused} onEdit={onEdit} />
          </Text>
        </Box>
      </Box>
      {field.message ? (
        <Box marginLeft={2 + labelWidth}>
          {/* a reason cut short is no reason: it wraps */}
          <ToneText tone={field.message.tone} wrap="wrap">
            {inert(field.message.text)}
          </ToneText>
        </Box>
      ) : null}
    </Box>
  );
}
