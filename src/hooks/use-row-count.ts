import { useEffect, useRef, useState } from 'react';
import type { ListSource } from '../../db/views/keyset.js';

export interface RowCount {
  readonly value: number;
  /** false while only estimated (max rowid) */
  readonly exact: boolean;
}

/** rowids per slice: a slice must fit well inside a frame (50,000 rowids of tasks took 29-37 ms in npm run bench), so keys stay answered while a million rows are counted */
export const COUNT_SLICE = 10_000;

/**
 * The list's total, never before the first frame: at once an estimate where one is free
 * (unfiltered: max rowid), then counted slice by slice between key presses.
 */
export function useRowCount<T>(source: ListSource<T>, version: number, knownTotal: number | null): RowCount | null {
  const [count, setCount] = useState<RowCount | null>(null);
  // A new filter forgets the old total in the render that shows its rows (no commit of its own,
  // so the frame after Enter is the whole answer); the count itself runs after the frame.
  const [countOf, setCountOf] = useState(source);
  if (countOf !== source) {
    setCountOf(source);
    setCount(null);
  }
  const counted = useRef(source);
  useEffect(() => {
    // a live change keeps the total until the recount ends
    const fresh = counted.current !== source;
    counted.current = source;
    if (knownTotal !== null) {
      setCount((c) => (c?.exact && c.value === knownTotal ? c : { value: knownTotal, exact: true }));
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;
    try {
      const max = source.counter.maxRowid();
      if (source.unfiltered) setCount((c) => (!fresh && c?.exact ? c : { value: max, exact: false }));
      let lo = 1;
      let n = 0;
      const slice = (): void => {
        if (stopped) return;
        const hi = lo + COUNT_SLICE - 1;
        n += source.counter.countRange(lo, hi);
        lo = hi + 1;
        if (lo > max) setCount({ value: n, exact: true });
        else timer = setTimeout(slice, 0);
      };
      timer = setTimeout(slice, 0);
    } catch {
      setCount(null); // the list shows the error itself
    }
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [source, version, knownTotal]);
  // Everything is on screen: the total is known now, without waiting for the effect.
  return knownTotal !== null ? { value: knownTotal, exact: true } : count;
}
