import { useState } from 'react';
import type { ListController } from './list-controller.js';

export interface StaticList extends ListController {
  readonly cursor: number;
  /** index of the first line shown */
  readonly offset: number;
}

const clamp = (n: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, n));

/** Cursor and scroll over lines already in memory (a detail page), windowed to `height`. */
export function useStaticList(count: number, height: number): StaticList {
  const [cursor, setCursor] = useState(0);
  const last = Math.max(0, count - 1);
  const at = clamp(cursor, 0, last);
  const h = Math.max(1, height);
  // The window follows the cursor, keeping it on screen with the least scrolling.
  const [offsetState, setOffset] = useState(0);
  let offset = clamp(offsetState, 0, Math.max(0, count - h));
  if (at < offset) offset = at;
  if (at >= offset + h) offset = at - h + 1;
  const go = (n: number): void => {
    const next = clamp(n, 0, last);
    setCursor(next);
    setOffset(next < offset ? next : next >= offset + h ? next - h + 1 : offset);
  };
  return {
    cursor: at,
    offset,
    move: (d) => go(at + d),
    page: (dir) => go(at + dir * h),
    first: () => go(0),
    last: () => go(last),
  };
}
