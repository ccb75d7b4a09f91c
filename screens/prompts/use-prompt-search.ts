import { useEffect, useState } from 'react';
import { useKeypress } from '../../src/app/keypress-bus.js';
import { isCommand } from '../../src/keymap/keymap.js';
import { FTS_MIN_QUERY_LENGTH } from '../../db/search/fts.js';

/** How long typing must pause before the list follows: one query per pause, not per key. */
export const SEARCH_DEBOUNCE_MS = 150;

export interface PromptSearch {
  readonly editing: boolean;
  /** what is typed */
  readonly draft: string;
  /** the search in force */
  readonly query: string;
  /** typed, but too short to search as you type (Enter searches it) */
  readonly waiting: boolean;
  readonly open: () => void;
  readonly clear: () => void;
  /** the text field's edits (ink-text-input in PromptSearchBar types into the draft) */
  readonly onDraft: (draft: string) => void;
}

const chars = (s: string): number => [...s].length;

/** Shorter queries cannot use the trigram index: they scan, so they wait for Enter. */
const searchesAsYouType = (draft: string): boolean => draft === '' || chars(draft) >= FTS_MIN_QUERY_LENGTH;

/**
 * `/` then typing searches as you type: each pause of SEARCH_DEBOUNCE_MS applies the text, and a
 * newer key abandons the pending one. Enter applies now and closes; Esc clears the search.
 */
export function usePromptSearch(active: boolean): PromptSearch {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    if (!editing || !searchesAsYouType(draft)) return;
    const timer = setTimeout(() => setQuery(draft), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, editing]);
  const clear = (): void => {
    setDraft('');
    setQuery('');
    setEditing(false);
  };
  useKeypress(
    'filter',
    (k) => {
      if (isCommand('filter.apply', k.name)) {
        setQuery(draft);
        setEditing(false);
      } else if (isCommand('filter.clear', k.name)) clear();
      return true; // typed keys are the text field's (PromptSearchBar): none reaches the list
    },
    { active: active && editing, scopes: ['filter'] },
  );
  return {
    editing,
    draft,
    query,
    waiting: editing && draft !== query && !searchesAsYouType(draft),
    open: () => {
      setDraft(query);
      setEditing(true);
    },
    clear,
    onDraft: setDraft,
  };
}
