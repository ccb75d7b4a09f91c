import { useEffect, useRef, useState } from 'react';

export type QueryState<T> = { readonly status: 'loading' } | { readonly status: 'error'; readonly error: string } | { readonly status: 'ready'; readonly data: T };

/**
 * Runs a synchronous read after the frame is shown, and again when `key` or `version` change.
 * Keeps showing the previous data while re-reading, so live updates do not flicker.
 */
export function useQuery<T>(read: () => T, key: string, version: number): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const fn = useRef(read);
  fn.current = read;
  useEffect(() => {
    const timer = setTimeout(() => {
      try {
        setState({ status: 'ready', data: fn.current() });
      } catch (e) {
        setState({ status: 'error', error: e instanceof Error ? e.message : String(e) });
      }
    }, 0);
    return () => clearTimeout(timer);
  }, [key, version]);
  return state;
}
