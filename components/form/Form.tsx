import React from 'react';
import { Box } from 'ink';
import { ToneText } from '../theme/index.js';
import { inert } from '../text/inert.js';
import { FormRow } from './FormRow.js';
import { formBoxWidth, type FormLayout } from './form-lines.js';

export interface FormProps extends FormLayout {
  readonly title: string;
  /** the index of the focused field */
  readonly focus: number;
  /** the focused text field takes the keys (ink-text-input) and says each edit here */
  readonly onEdit?: (value: string) => void;
}

/**
 * Every form of the console: a title, a labelled row per field (`>` and the cursor on the focused
 * one), each field's message under it, the refusals about no field, then notes. `boxed` draws it
 * as a dialog over a list (its height is formLines()).
 */
export function Form(props: FormProps) {
  const { title, fields, focus, labelWidth = 10, notes = [], general = [], boxed = false, onEdit } = props;
  const width = formBoxWidth(props);
  const inner = boxed ? { borderStyle: 'round' as const, paddingX: 1 } : {};
  return (
    <Box flexDirection="column" width={width} flexShrink={0} {...inner}>
      <ToneText tone={boxed ? 'warning' : 'title'}>{inert(title)}</ToneText>
      {fields.map((f, i) => (
        <FormRow key={f.key} field={f} focused={i === focus} labelWidth={labelWidth} onEdit={i === focus ? onEdit : undefined} />
      ))}
      {general.map((g, i) => (
        <ToneText key={`general-${i}`} tone="danger" wrap="wrap">{`  ✗ ${inert(g)}`}</ToneText>
      ))}
      {notes.length > 0 ? (
        <Box flexDirection="column" marginTop={1} marginLeft={boxed ? 0 : 2 + labelWidth}>
          {notes.map((n, i) => (
            <ToneText key={i} tone={boxed ? 'muted' : 'accent'} wrap="truncate-end">
              {inert(n)}
            </ToneText>
          ))}
        </Box>
      ) : null}
    </Box>
  );
}
