import { useEffect, useRef, useState } from 'react';

/** A read done in steps (db/views/dashboard-steps.ts): each `next()` is one bounded piece of work. */
export type StepsOf<T> = Generator<void, T, void>;

export type StepsState<T> = { readonly status: 'working' } | { readonly status: 'error'; readonly error: string } | { readonly status: 'ready'; readonly value: T };

/**
 * Runs a stepped read after the frame is shown, one step per timer tick so keys are answered
 * between steps; again from the start when `version` changes, the last result showing meanwhile.
 */
export function useSteps<T>(start: () => StepsOf<T>, version: number): StepsState<T> {
  const [state, setState] = useState<StepsState<T>>({ status: 'working' });
  const fn = useRef(start);
  fn.current = start;
  useEffect(() => {
    let steps: StepsOf<T> | undefined;
    let timer: NodeJS.Timeout | undefined;
    const step = (): void => {
      try {
        steps ??= fn.current();
        const r = steps.next();
        if (r.done) setState({ status: 'ready', value: r.value });
        else timer = setTimeout(step, 0);
      } catch (e) {
        setState({ status: 'error', error: e instanceof Error ? e.message : String(e) });
      }
    };
    timer = setTimeout(step, 0);
    return () => {
      clearTimeout(timer);
      steps?.return(undefined as T);
    };
  }, [version]);
  return state;
}
