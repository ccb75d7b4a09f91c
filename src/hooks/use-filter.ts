import { useEffect, useMemo, useState } from 'react';
import { useKeypress } from '../app/keypress-bus.js';
import { isCommand } from '../keymap/keymap.js';
import { useFlash } from '../app/flash.js';
import { parseFilter, unknownFieldsNotice, type ParsedFilter } from './filter-query.js';

export interface FilterInput {
  readonly editing: boolean;
  readonly draft: string;
  readonly applied: string;
  readonly parsed: ParsedFilter;
  readonly open: () => void;
  /** no filter, the input closed (as Esc in the input) */
  readonly clear: () => void;
  /** the text field's edits (ink-text-input in FilterBar types into the draft) */
  readonly onDraft: (draft: string) => void;
}

/** How long typing must pause before a live filter follows (as the prompts search: one query per pause, not per key). */
export const LIVE_FILTER_DEBOUNCE_MS = 150;

/**
 * `/` opens the input; Enter applies, Esc clears. With `live`, a pause in typing applies the
 * draft too when `live(draft)` says it is cheap to run (Tasks: text the full-text index serves).
 * While open it takes every key (the text input
 * types them), so the list beneath does not move. A `name:` that is no field here is said in the
 * message line, with the fields there are.
 */
export function useFilter(names: readonly string[], initial = '', active = true, live?: (draft: string) => boolean, literal = false): FilterInput {
  // literal (the prompts search): the text as typed is one substring, never trimmed nor read as fields
  const applies = (draft: string): string => (literal ? draft : draft.trim());
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(initial);
  const [applied, setApplied] = useState(initial);
  useEffect(() => {
    if (!live || !editing || !live(draft)) return;
    const timer = setTimeout(() => setApplied(applies(draft)), LIVE_FILTER_DEBOUNCE_MS); // a newer key abandons it
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- live: a module function per screen, wrapped anew each render; applies reads only literal
  }, [draft, editing]);
  const { flash } = useFlash();
  const clear = (): void => {
    setDraft('');
    setApplied('');
    setEditing(false);
  };
  useKeypress(
    'filter',
    (k) => {
      if (isCommand('filter.apply', k.name)) {
        setApplied(applies(draft));
        setEditing(false);
        const notice = literal ? null : unknownFieldsNotice(parseFilter(draft, names), names);
        if (notice) flash(notice, 'warning'); // a mistyped field says so, rather than matching nothing
      } else if (isCommand('filter.clear', k.name)) clear();
      return true; // typed keys are the text field's (FilterBar): none reaches the list
    },
    { active: active && editing, scopes: ['filter'] },
  );
  const namesKey = names.join(' ');
  const parsed = useMemo(() => (literal ? { fields: {}, text: applied, unknown: [] } : parseFilter(applied, namesKey.split(' '))), [applied, namesKey, literal]);
  return {
    editing,
    draft,
    applied,
    parsed,
    open: () => {
      setDraft(applied);
      setEditing(true);
    },
    clear,
    onDraft: setDraft,
  };
}
