import { wrapLines } from '../text/wrap.js';
import { inert } from '../text/inert.js';
import type { FormFieldView } from './types.js';

/** What decides a form's size. */
export interface FormLayout {
  readonly fields: readonly FormFieldView[];
  /** the label column; a longer label pushes its value right */
  readonly labelWidth?: number;
  /** lines under the fields: what the input means (a preview, a hint), shown as given */
  readonly notes?: readonly string[];
  /** refusals about no field in particular */
  readonly general?: readonly string[];
  readonly width: number;
  /** a bordered box over a list (at most `maxWidth` wide), else the whole screen's width */
  readonly boxed?: boolean;
  readonly maxWidth?: number;
}

export const formBoxWidth = ({ width, boxed = false, maxWidth = 100 }: FormLayout): number => (boxed ? Math.min(width, maxWidth) : width);

/** The lines a form takes at its width: the box measures itself, so a screen gives the rest to its list. */
export function formLines(layout: FormLayout): number {
  const { fields, labelWidth = 10, notes = [], general = [], boxed = false } = layout;
  const inner = formBoxWidth(layout) - (boxed ? 4 : 0);
  const messageWidth = Math.max(1, inner - 2 - labelWidth);
  let lines = 1; // the title
  for (const f of fields) lines += 1 + (f.message ? wrapLines(inert(f.message.text), messageWidth).length : 0);
  for (const g of general) lines += wrapLines(`  ✗ ${inert(g)}`, Math.max(1, inner)).length;
  if (notes.length > 0) lines += 1 + notes.length;
  return lines + (boxed ? 2 : 0);
}
