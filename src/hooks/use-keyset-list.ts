import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ListSource } from '../../db/views/keyset.js';
import { firstPage, lastPage, moveBy, reload, resize, type ListWindow } from './keyset-window.js';
import type { ListController } from './list-controller.js';
import { readAhead } from './read-ahead.js';

export type ListState<T> = { readonly status: 'loading' } | { readonly status: 'error'; readonly error: string } | { readonly status: 'ready'; readonly window: ListWindow<T> };

export interface KeysetList<T> extends ListController {
  readonly state: ListState<T>;
  readonly selected: T | undefined;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function readState<T>(read: () => ListWindow<T>): ListState<T> {
  try {
    return { status: 'ready', window: read() };
  } catch (e) {
    return { status: 'error', error: message(e) };
  }
}

/**
 * A list paged in SQL: each key press reads only the rows it scrolls in. A new `source` (a new
 * filter) starts at the top; a new `version` (someone wrote) reloads in place.
 */
export function useKeysetList<T>(source: ListSource<T>, pageSize: number, version: number): KeysetList<T> {
  const [state, setState] = useState<ListState<T>>({ status: 'loading' });
  const current = useRef(state);
  const size = Math.max(1, pageSize);

  const apply = useCallback((step: (w: ListWindow<T> | null) => ListWindow<T>) => {
    const prev = current.current;
    const next = readState(() => step(prev.status === 'ready' ? prev.window : null));
    current.current = next;
    setState(next);
  }, []);

  // A new source (a filter applied, a sort) reads its first page in this same render: the frame
  // after Enter shows the new rows, not the old ones and then, a commit and a frame later, the new.
  const [shown, setShown] = useState(source);
  const loaded = useRef<ListSource<T> | null>(null);
  if (shown !== source) {
    setShown(source);
    loaded.current = source;
    const next = readState(() => firstPage(source, size));
    current.current = next;
    setState(next);
  }
  // The first read waits for the first frame, so the shell shows at once even on a slow file.
  useEffect(() => {
    if (loaded.current === source) return;
    loaded.current = source;
    apply(() => firstPage(source, size));
  }, [source, apply, size]);
  // A new `version` (a write: the console's own action, or the service's seen by the poll) or
  // height reads the rows again in this same render too: an action's message and the row it
  // changed come in one frame, not the message first and the row a frame later. Until the first
  // page is read (the effect above) there is nothing to read again.
  const [seen, setSeen] = useState({ version, size });
  if (seen.version !== version || seen.size !== size) {
    setSeen({ version, size });
    const prev = current.current;
    if (loaded.current === source && prev.status !== 'loading') {
      const next = readState(() => (prev.status !== 'ready' ? firstPage(source, size) : seen.size !== size ? resize(prev.window, source, size) : reload(prev.window, source, size)));
      current.current = next;
      setState(next);
    }
  }

  // The keys read through a read-ahead of this source at this version: once a frame is drawn, the
  // pages PgDn, PgUp, Home and End would ask for are read while the console waits for the key.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new version drops the pages read before it
  const ahead = useMemo(() => readAhead(source), [source, version]);
  const window = state.status === 'ready' ? state.window : null;
  useEffect(() => {
    if (window === null) return;
    const idle = setImmediate(() => {
      try {
        ahead.fill(window, size);
      } catch {
        // nothing kept: the key reads the page itself and shows what went wrong
      }
    });
    return () => clearImmediate(idle);
  }, [ahead, window, size]);
  const move = useCallback((delta: number) => apply((w) => (w ? moveBy(w, ahead, size, delta) : firstPage(ahead, size))), [apply, ahead, size]);
  return {
    state,
    selected: window?.rows[window.cursor],
    move,
    page: (dir) => move(dir * size),
    first: () => apply(() => firstPage(ahead, size)),
    last: () => apply(() => lastPage(ahead, size)),
  };
}
