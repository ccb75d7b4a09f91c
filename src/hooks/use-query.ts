import { useEffect, useRef, useState } from 'react';

export type QueryState<T> = { readonly status: 'loading' } | { readonly status: 'error'; readonly error: string } | { readonly status: 'ready'; readonly data: T };

export interface QueryOptions {
  /**
   * Read during the first render rather than after the first frame, for a bounded read (a few
   * index seeks) whose screen has nothing to show without it: the first frame then holds the data,
   * and the loading frame before it (a whole Ink render, the costliest one of a cold start) is not
   * drawn. Later reads (a new `key` or `version`) still come after the frame.
   */
  readonly firstReadNow?: boolean;
  /**
   * Every read during the render that needs it (the first, and each new `key` or `version`): for a
   * row read by its primary key. An action's frame then shows the changed row with its message,
   * not the message over the old row and the row a frame later.
   */
  readonly everyReadNow?: boolean;
}

/**
 * For a detail screen: its row by primary key and a bounded set of related rows (a few index
 * seeks), read in the render that needs it, so Enter draws one frame with the content rather than
 * a loading frame and then the content, and an action's frame already shows the row changed.
 */
export const ONE_ROW_NOW: QueryOptions = { firstReadNow: true, everyReadNow: true };

const attempt = <T>(read: () => T): QueryState<T> => {
  try {
    return { status: 'ready', data: read() };
  } catch (e) {
    return { status: 'error', error: e instanceof Error ? e.message : String(e) };
  }
};

interface Held<T> {
  readonly key: string;
  readonly version: number;
  readonly state: QueryState<T>;
}

/**
 * Runs a synchronous read after the frame is shown, and again when `key` or `version` change.
 * Keeps showing the previous data while re-reading, so live updates do not flicker.
 */
export function useQuery<T>(read: () => T, key: string, version: number, options: QueryOptions = {}): QueryState<T> {
  const now = options.everyReadNow === true;
  const [held, setHeld] = useState<Held<T>>(() => ({ key, version, state: options.firstReadNow || now ? attempt(read) : { status: 'loading' } }));
  const fn = useRef(read);
  fn.current = read;
  // the mount's read was done during the first render: the effect's first run has nothing to do
  const readOnMount = useRef(options.firstReadNow === true);
  let current = held;
  if (now && (held.key !== key || held.version !== version)) {
    // React's "state from props" pattern: this render is redone at once with the new state
    current = { key, version, state: attempt(read) };
    setHeld(current);
  }
  useEffect(() => {
    if (now) return; // read in the render
    if (readOnMount.current) {
      readOnMount.current = false;
      return;
    }
    const timer = setTimeout(() => setHeld({ key, version, state: attempt(fn.current) }), 0);
    return () => clearTimeout(timer);
  }, [key, version, now]);
  return current.state;
}
