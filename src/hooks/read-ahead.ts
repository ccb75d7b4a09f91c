import type { ListSource, PageRequest } from '../../db/views/keyset.js';
import type { ListWindow } from './keyset-window.js';

/** How many pages one read-ahead keeps: the four a window can ask next, and room for the last few. */
const KEPT = 12;

/** Reads toward the end of the list order keep their first rows; `before` and `last` keep their last. */
const fromEnd = (req: PageRequest): boolean => req.kind === 'before' || req.kind === 'last';

const keyOf = (req: PageRequest): string =>
  req.kind === 'first' || req.kind === 'last' ? req.kind : `${req.kind}\u0000${typeof req.cursor.key}\u0000${String(req.cursor.key)}\u0000${typeof req.cursor.id}\u0000${String(req.cursor.id)}`;

/**
 * A list source that reads the pages a key may ask for next while the console is idle (after the
 * frame is drawn), so PgDn, PgUp, Home and End find their rows already read, as a pager reads ahead.
 *
 * One is made per source and data version: a write (the console's own, or the service's seen by
 * the poll) makes a new one, so a page it hands out is what reading it then would have returned,
 * as fresh as the rows already on screen. A page read with a larger limit answers a smaller one.
 */
export interface ReadAhead<T> extends ListSource<T> {
  /** Reads what the keys from this window would ask for and keeps it; already kept pages cost nothing. */
  fill(w: ListWindow<T>, size: number): void;
}

export function readAhead<T>(source: ListSource<T>): ReadAhead<T> {
  const kept = new Map<string, { rows: T[]; limit: number }>();
  const keep = (req: PageRequest, limit: number): T[] => {
    const rows = source.page(req, limit);
    const key = keyOf(req);
    kept.delete(key);
    kept.set(key, { rows, limit });
    if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
    return rows;
  };
  const page = (req: PageRequest, limit: number): T[] => {
    const hit = kept.get(keyOf(req));
    if (!hit || hit.limit < limit) return keep(req, limit);
    // fewer rows than asked for: the list ended there, so a smaller limit ends there too
    return fromEnd(req) ? hit.rows.slice(Math.max(0, hit.rows.length - limit)) : hit.rows.slice(0, limit);
  };
  const fill = (w: ListWindow<T>, size: number): void => {
    const asks: PageRequest[] = [];
    const head = w.rows[0];
    const tail = w.rows[w.rows.length - 1];
    if (head === undefined || tail === undefined) return;
    if (w.before !== 0) asks.push({ kind: 'first' }, { kind: 'before', cursor: source.cursorOf(head) });
    if (w.after !== 0) asks.push({ kind: 'last' }, { kind: 'after', cursor: source.cursorOf(tail) });
    for (const req of asks) {
      const hit = kept.get(keyOf(req));
      if (!hit || hit.limit < size) keep(req, size);
    }
  };
  return {
    page,
    fill,
    cursorOf: (row) => source.cursorOf(row),
    idOf: (row) => source.idOf(row),
    counter: source.counter,
    unfiltered: source.unfiltered,
    ...(source.sorts === undefined ? {} : { sorts: source.sorts }),
    ...(source.sort === undefined ? {} : { sort: source.sort }),
  };
}
