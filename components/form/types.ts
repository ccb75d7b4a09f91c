import type { Tone } from '../theme/index.js';

/** text: typed; choice: one of `options`, changed with ←/→ (or a letter); fixed: shown, not editable */
export type FieldKind = 'text' | 'choice' | 'fixed';

export interface FieldOption {
  readonly value: string;
  readonly label: string;
}

/** One input of a form as its screen declares it: the order of a form's fields is its focus order. */
export interface FieldSpec<K extends string = string> {
  readonly key: K;
  readonly label: string;
  readonly kind: FieldKind;
  /** a choice's options (stored value, shown label) */
  readonly options?: readonly FieldOption[];
  /** muted text shown when the value is empty (what to type) */
  readonly placeholder?: string;
  /** shown instead of the value (a project's name for its id) */
  readonly display?: string;
  /** a rule checked when leaving the field forward (Enter, Tab, ↓): its sentence keeps the focus here */
  readonly check?: (value: string) => string | null;
}

export type FormValues<K extends string = string> = Readonly<Record<K, string>>;

/** A line under a field: why it is refused, or what it means. */
export interface FormMessage {
  readonly text: string;
  readonly tone: Tone;
}

/** A refusal of the form's values: about one field (shown under it), or about none (under the fields). */
export interface FormRefusal<K extends string = string> {
  readonly field: K | null;
  readonly text: string;
}

/** One input of a form as the view shows it: props in, nothing about where the value goes. */
export interface FormFieldView {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly kind: FieldKind;
  /** a choice's position, shown as `2/5` */
  readonly position?: string;
  readonly placeholder?: string;
  readonly message?: FormMessage;
}
