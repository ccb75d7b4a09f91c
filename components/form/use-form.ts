import { useReducer } from 'react';
import { fieldViews, focusRefusal, focusedField, formReducer, generalRefusals, isLastField, newFormModel, type FormAction, type FormModel, type FormRules } from './form-model.js';
import type { FieldKind, FormFieldView, FormMessage, FormRefusal, FormValues } from './types.js';

/** A form as its screen drives it: the state, what each key does, and the fields to show. */
export interface FormControl<K extends string> {
  readonly values: FormValues<K>;
  readonly focus: K;
  /** the focused field's kind: a text field takes the typed keys, a choice ← → and letters */
  readonly focusedKind: FieldKind | undefined;
  /** where the focus is in the focus order (the view marks that row) */
  readonly focusIndex: number;
  readonly isLast: boolean;
  readonly tried: boolean;
  readonly edit: (value: string) => void;
  readonly move: (delta: 1 | -1) => void;
  readonly cycle: (delta: 1 | -1) => void;
  readonly pick: (letter: string) => void;
  /** Enter: the field's own check, then the next field, or `submit` from the last */
  readonly enter: (submit: () => void) => void;
  /** shows these refusals (from a submit) under their fields, until each field is edited */
  readonly refuse: (refusals: readonly FormRefusal<K>[]) => void;
  readonly reset: (values: FormValues<K>, focus: K) => void;
  /** the fields as the view shows them, with `live` messages (a preview's) where they show */
  readonly views: (live?: Partial<Record<K, FormMessage>>) => FormFieldView[];
  /** the refusals about no field in particular */
  readonly general: string[];
}

/**
 * One form's state: values, the one focused field (the only one that takes keys), the focus
 * order (fixed fields skipped), per-field refusals. Keys are bound by useFormKeys (src/hooks).
 */
export function useForm<K extends string>(rules: FormRules<K>, initial: () => { values: FormValues<K>; focus: K }): FormControl<K> {
  const [model, dispatch] = useReducer(
    (m: FormModel<K>, a: FormAction<K>) => formReducer(rules, m, a),
    undefined,
    () => {
      const i = initial();
      return newFormModel(i.values, i.focus);
    },
  );
  const isLast = isLastField(rules, model);
  return {
    values: model.values,
    focus: model.focus,
    focusedKind: focusedField(rules, model)?.kind,
    focusIndex: rules.fields(model.values).findIndex((f) => f.key === model.focus),
    isLast,
    tried: model.tried,
    edit: (value) => dispatch({ type: 'edit', value }),
    move: (delta) => dispatch({ type: 'move', delta }),
    cycle: (delta) => dispatch({ type: 'cycle', delta }),
    pick: (letter) => dispatch({ type: 'pick', letter }),
    enter: (submit) => {
      const why = focusRefusal(rules, model);
      if (why !== null || !isLast) return dispatch({ type: 'move', delta: 1 }); // the move says why
      dispatch({ type: 'tried' });
      submit();
    },
    refuse: (refusals) => dispatch({ type: 'refuse', refusals }),
    reset: (values, focus) => dispatch({ type: 'reset', values, focus }),
    views: (live) => fieldViews(rules, model, live),
    general: generalRefusals(model),
  };
}
