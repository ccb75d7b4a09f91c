import React from 'react';
import { describe, it, expect } from 'vitest';
import { render } from 'ink-testing-library';
import { fieldViews, focusOrder, formReducer, newFormModel, type FormAction, type FormModel, type FormRules } from '../../components/form/form-model.js';
import { formLines } from '../../components/form/form-lines.js';
import { Form } from '../../components/form/Form.js';
import type { FieldSpec } from '../../components/form/types.js';
import { cursorMove, splitAt } from '../../components/text/cursor.js';
import { strip } from '../app/driver.js';

// The one form system (components/form), without a screen: the focus order, checks, refusals
// and what shows; and that a form's measured height is the height it draws.

type K = 'name' | 'kind' | 'fixed' | 'note';
const FIELDS: readonly FieldSpec<K>[] = [
  { key: 'name', label: 'name', kind: 'text', check: (v) => (v === '' ? 'a name is needed' : null) },
  {
    key: 'kind',
    label: 'kind',
    kind: 'choice',
    options: [
      { value: 'a', label: 'alpha' },
      { value: 'b', label: 'beta' },
      { value: 'g', label: 'gamma' },
    ],
  },
  { key: 'fixed', label: 'fixed', kind: 'fixed' },
  { key: 'note', label: 'note', kind: 'text' },
];
const rules = (wrap = false): FormRules<K> => ({ fields: () => FIELDS, wrap });
const start = (): FormModel<K> => newFormModel<K>({ name: '', kind: 'a', fixed: 'x', note: '' }, 'name');
const run = (r: FormRules<K>, m: FormModel<K>, ...actions: FormAction<K>[]): FormModel<K> => actions.reduce((s, a) => formReducer(r, s, a), m);

describe('the form model', () => {
  it('visits the open fields in order, skipping fixed ones; stops at the ends unless it wraps', () => {
    expect(focusOrder(rules(), start().values)).toEqual(['name', 'kind', 'note']);
    const named = run(rules(), start(), { type: 'edit', value: 'n' });
    expect(run(rules(), named, { type: 'move', delta: 1 }, { type: 'move', delta: 1 }).focus).toBe('note');
    expect(run(rules(), named, { type: 'move', delta: 1 }, { type: 'move', delta: 1 }, { type: 'move', delta: 1 }).focus).toBe('note');
    expect(run(rules(true), named, { type: 'move', delta: -1 }).focus).toBe('note');
    expect(run(rules(), named, { type: 'move', delta: -1 }).focus).toBe('name');
  });

  it("a field's check keeps the focus and says why under it; editing the field takes the message away", () => {
    let m = run(rules(), start(), { type: 'move', delta: 1 });
    expect(m.focus).toBe('name');
    expect(fieldViews(rules(), m)[0]!.message).toEqual({ text: '✗ a name is needed', tone: 'danger' });
    m = run(rules(), m, { type: 'edit', value: 'n' });
    expect(fieldViews(rules(), m)[0]!.message).toBeUndefined();
    expect(run(rules(), m, { type: 'move', delta: 1 }).focus).toBe('kind');
  });

  it('a choice cycles both ways and jumps by letter; a text edit on a choice does nothing', () => {
    const m = run(rules(), start(), { type: 'edit', value: 'n' }, { type: 'move', delta: 1 });
    expect(run(rules(), m, { type: 'cycle', delta: -1 }).values.kind).toBe('g');
    expect(run(rules(), m, { type: 'pick', letter: 'B' }).values.kind).toBe('b');
    expect(run(rules(), m, { type: 'edit', value: 'zzz' }).values.kind).toBe('a');
    const shown = fieldViews(rules(), run(rules(), m, { type: 'cycle', delta: 1 }))[1]!;
    expect([shown.value, shown.position]).toEqual(['beta', '2/3']);
  });

  it('live messages show for every field reached, every fixed field, and all after a submit was tried', () => {
    const live = { name: { text: 'n?', tone: 'danger' as const }, note: { text: 'note?', tone: 'danger' as const }, fixed: { text: 'fixed?', tone: 'danger' as const } };
    const messages = (m: FormModel<K>) => fieldViews(rules(), m, live).map((v) => v.message?.text ?? null);
    expect(messages(start())).toEqual(['n?', null, 'fixed?', null]);
    expect(messages(run(rules(), start(), { type: 'tried' }))).toEqual(['n?', null, 'fixed?', 'note?']);
    const refused = run(rules(), start(), {
      type: 'refuse',
      refusals: [
        { field: 'note', text: 'no' },
        { field: null, text: 'at all' },
      ],
    });
    expect(messages(refused)).toEqual(['n?', null, 'fixed?', '✗ no']);
  });
});

describe('the text cursor', () => {
  it('moves by code points and is null (the end) at the end', () => {
    expect(splitAt('a😀b', 2)).toEqual({ before: 'a😀', after: 'b' });
    expect(cursorMove('a😀b', null, 'left')).toBe(2);
    expect(cursorMove('a😀b', 0, 'left')).toBe(0);
    expect(cursorMove('a😀b', 2, 'right')).toBeNull();
    expect(cursorMove('a😀b', 2, 'home')).toBe(0);
    expect(cursorMove('a😀b', 0, 'end')).toBeNull();
    expect(splitAt('ab', 9)).toEqual({ before: 'ab', after: '' });
  });
});

describe('the form view', () => {
  it('draws as many lines as it measures, with a long refusal wrapped under its field', () => {
    const m = run(rules(), start(), {
      type: 'refuse',
      refusals: [
        { field: 'note', text: 'this refusal is long enough to wrap at least once in a box this narrow' },
        { field: null, text: 'general' },
      ],
    });
    for (const boxed of [true, false]) {
      const layout = { fields: fieldViews(rules(), m), general: ['general'], notes: ['a note'], width: 40, boxed };
      const ink = render(<Form {...layout} title="A form" focus={0} />);
      const frame = strip(ink.lastFrame());
      expect(frame.split('\n')).toHaveLength(formLines(layout));
      const lines = frame.split('\n');
      const at = lines.findIndex((l) => /^[│ ]*[> ] note\b/.test(l));
      expect(lines[at + 1]).toContain('✗ this refusal');
      ink.unmount();
    }
  });
});
