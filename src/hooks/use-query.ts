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
}

const attempt = <T>(read: () => T): QueryState<T> => {
  try {
    return { status: 'ready', data: read() };
  } catch (e) {
    return { status: 'error', error: e instanceof Error ? e.message : String(e) };
  }
};

/**
 * Runs a synchronous read after the frame is shown, and again when `key` or `version` change.
 * Keeps showing the previous data while re-reading, so live updates do not flicker.
 */
export function useQuery<T>(read: () => T, key: string, version: number, options: QueryOptions = {}): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>(() => (options.firstReadNow ? attempt(read) : { status: 'loading' }));
  const fn = useRef(read);
  fn.current = read;
  // the mount's read was done during the first render: the effect's first run has nothing to do
  const readOnMount = useRef(options.firstReadNow === true);
  useEffect(() => {
    if (readOnMount.current) {
      readOnMount.current = false;
      return;
    }
    const timer = setTimeout(() => setState(attempt(fn.current)), 0);
    return () => clearTimeout(timer);
  }, [key, version]);
  return state;
}
