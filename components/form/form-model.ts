// A form's state and what each key does to it, for every form of the console (prompt, API key,
// schedule). Pure: the hook (use-form.ts) holds it, src/hooks/use-form-keys.ts binds the keys.
import type { FieldSpec, FormFieldView, FormMessage, FormRefusal, FormValues } from './types.js';

export interface FormModel<K extends string> {
  readonly values: FormValues<K>;
  /** the one field that takes the keys */
  readonly focus: K;
  /** fields the focus has been on, or that were edited: their live messages show */
  readonly seen: readonly K[];
  /** refusals of the last submit or field check, each until its field is edited */
  readonly refusals: readonly FormRefusal<K>[];
  /** a submit was tried: every field's message shows */
  readonly tried: boolean;
}

/** What a form is made of, asked again as its values change (a reminder's bot is fixed). */
export interface FormRules<K extends string> {
  readonly fields: (values: FormValues<K>) => readonly FieldSpec<K>[];
  /** the focus goes round from the last field to the first (else it stops at either end) */
  readonly wrap?: boolean;
  /** the values after one changed, with what follows from it; default: only that one changes */
  readonly derive?: (values: FormValues<K>, key: K, value: string) => FormValues<K>;
}

export type FormAction<K extends string> =
  | { readonly type: 'move'; readonly delta: 1 | -1 }
  /** the focused text field's new text (its ink-text-input edits it) */
  | { readonly type: 'edit'; readonly value: string }
  | { readonly type: 'cycle'; readonly delta: 1 | -1 }
  /** a typed letter on a choice: the next option starting with it */
  | { readonly type: 'pick'; readonly letter: string }
  | { readonly type: 'refuse'; readonly refusals: readonly FormRefusal<K>[] }
  | { readonly type: 'tried' }
  | { readonly type: 'reset'; readonly values: FormValues<K>; readonly focus: K };

export const newFormModel = <K extends string>(values: FormValues<K>, focus: K): FormModel<K> => ({ values, focus, seen: [focus], refusals: [], tried: false });

/** The fields the focus visits, in order: all but the fixed ones. */
export const focusOrder = <K extends string>(rules: FormRules<K>, values: FormValues<K>): K[] =>
  rules
    .fields(values)
    .filter((f) => f.kind !== 'fixed')
    .map((f) => f.key);

export const focusedField = <K extends string>(rules: FormRules<K>, m: FormModel<K>): FieldSpec<K> | undefined => rules.fields(m.values).find((f) => f.key === m.focus);

/** Enter on the last field submits; on any other it moves on. */
export const isLastField = <K extends string>(rules: FormRules<K>, m: FormModel<K>): boolean => focusOrder(rules, m.values).at(-1) === m.focus;

/** Why the focused field may not be left forward (its check), or null. */
export function focusRefusal<K extends string>(rules: FormRules<K>, m: FormModel<K>): string | null {
  return focusedField(rules, m)?.check?.(m.values[m.focus]) ?? null;
}

const seenToo = <K extends string>(seen: readonly K[], key: K): readonly K[] => (seen.includes(key) ? seen : [...seen, key]);

function withValue<K extends string>(rules: FormRules<K>, m: FormModel<K>, value: string): FormModel<K> {
  const values = rules.derive ? rules.derive(m.values, m.focus, value) : ({ ...m.values, [m.focus]: value } as FormValues<K>);
  // an edit answers the refusal about its field and any about none
  return { ...m, values, seen: seenToo(m.seen, m.focus), refusals: m.refusals.filter((r) => r.field !== m.focus && r.field !== null) };
}

function chosen<K extends string>(field: FieldSpec<K>, current: string, action: { type: 'cycle'; delta: 1 | -1 } | { type: 'pick'; letter: string }): string | undefined {
  const options = field.options ?? [];
  const n = options.length;
  if (n === 0) return undefined;
  const at = Math.max(
    0,
    options.findIndex((o) => o.value === current),
  );
  if (action.type === 'cycle') return options[(at + action.delta + n) % n]?.value;
  const letter = action.letter.toLowerCase();
  return [...options.slice(at + 1), ...options.slice(0, at + 1)].find((o) => o.label.toLowerCase().startsWith(letter))?.value;
}

export function formReducer<K extends string>(rules: FormRules<K>, m: FormModel<K>, action: FormAction<K>): FormModel<K> {
  switch (action.type) {
    case 'move': {
      const why = action.delta === 1 ? focusRefusal(rules, m) : null;
      if (why !== null) return { ...m, refusals: [...m.refusals.filter((r) => r.field !== m.focus), { field: m.focus, text: why }] };
      const order = focusOrder(rules, m.values);
      const at = order.indexOf(m.focus);
      const to = rules.wrap ? (at + action.delta + order.length) % order.length : Math.max(0, Math.min(order.length - 1, at + action.delta));
      const focus = order[to] ?? m.focus;
      return { ...m, focus, seen: seenToo(m.seen, focus) };
    }
    case 'edit':
      return focusedField(rules, m)?.kind === 'text' ? withValue(rules, m, action.value) : m;
    case 'cycle':
    case 'pick': {
      const field = focusedField(rules, m);
      const value = field?.kind === 'choice' ? chosen(field, m.values[m.focus], action) : undefined;
      return value === undefined || value === m.values[m.focus] ? m : withValue(rules, m, value);
    }
    case 'refuse':
      return { ...m, refusals: action.refusals };
    case 'tried':
      return m.tried ? m : { ...m, tried: true };
    case 'reset':
      return newFormModel(action.values, action.focus);
  }
}

/**
 * The fields as the view shows them. Under each: its refusal from a submit or check, else its
 * live message (`live`, e.g. a rule the preview reports) once the field has been reached or
 * edited, or a submit was tried, or it cannot be edited (a fixed field is never reached).
 */
export function fieldViews<K extends string>(rules: FormRules<K>, m: FormModel<K>, live: Partial<Record<K, FormMessage>> = {}): FormFieldView[] {
  return rules.fields(m.values).map((f) => {
    const value = m.values[f.key];
    const options = f.kind === 'choice' ? (f.options ?? []) : [];
    const at = options.findIndex((o) => o.value === value);
    const refused = m.refusals.find((r) => r.field === f.key);
    const shows = m.tried || f.kind === 'fixed' || m.seen.includes(f.key);
    const message: FormMessage | undefined = refused ? { text: `✗ ${refused.text}`, tone: 'danger' } : shows ? live[f.key] : undefined;
    return {
      key: f.key,
      label: f.label,
      value: f.display ?? (at >= 0 ? options[at]!.label : value),
      kind: f.kind,
      position: options.length > 1 && at >= 0 ? `${at + 1}/${options.length}` : undefined,
      placeholder: f.placeholder,
      message,
    };
  });
}

/** The refusals about no field in particular: shown under the fields. */
export const generalRefusals = <K extends string>(m: FormModel<K>): string[] => m.refusals.filter((r) => r.field === null).map((r) => r.text);
