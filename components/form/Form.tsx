import React from 'react';
import { Box } from 'ink';
import { ToneText } from '../theme/index.js';
import { inert } from '../text/inert.js';
import { FormRow } from './FormRow.js';
import type { FormFieldView } from './types.js';

export interface FormProps {
  readonly title: string;
  readonly fields: readonly FormFieldView[];
  /** the index of the focused field */
  readonly focus: number;
  readonly labelWidth?: number;
  /** lines under the fields: what the input means (a preview), shown as given */
  readonly notes?: readonly string[];
  readonly width: number;
  /** the focused text field takes the keys (ink-text-input) and says each edit here */
  readonly onEdit?: (value: string) => void;
}

/** A titled column of labelled fields, one focused, with their inline messages and notes below. */
export function Form({ title, fields, focus, labelWidth = 10, notes = [], width, onEdit }: FormProps) {
  return (
    <Box flexDirection="column" width={width}>
      <ToneText tone="title">{inert(title)}</ToneText>
      {fields.map((f, i) => (
        <FormRow key={f.key} field={f} focused={i === focus} labelWidth={labelWidth} onEdit={i === focus ? onEdit : undefined} />
      ))}
      {notes.length > 0 ? (
        <Box flexDirection="column" marginTop={1} marginLeft={2 + labelWidth}>
          {notes.map((n, i) => (
            <ToneText key={i} tone="accent" wrap="truncate-end">{inert(n)}</ToneText>
          ))}
        </Box>
      ) : null}
    </Box>
  );
}
