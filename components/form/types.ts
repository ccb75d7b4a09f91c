import type { Tone } from '../theme/index.js';

/** One input of a form as the view shows it: props in, nothing about where the value goes. */
export interface FormFieldView {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  /** text: typed; choice: one of `options`, changed with ←/→; fixed: shown, not editable */
  readonly kind: 'text' | 'choice' | 'fixed';
  /** a choice's position, shown as `2/5` */
  readonly position?: string;
  /** muted text shown when the value is empty (what to type) */
  readonly placeholder?: string;
  /** a line under the field: why it is refused, or what it means */
  readonly message?: { readonly text: string; readonly tone: Tone };
}
