import type { ListSource } from '../../db/views/keyset.js';

/** The rows on screen and where they sit in the whole list (null: not known without counting). */
export interface ListWindow<T> {
  readonly rows: readonly T[];
  readonly cursor: number;
  /** rows before rows[0] */
  readonly before: number | null;
  /** rows after the last row on screen */
  readonly after: number | null;
}

const clamp = (n: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, n));

export function firstPage<T>(src: ListSource<T>, size: number): ListWindow<T> {
  const rows = src.page({ kind: 'first' }, size);
  return { rows, cursor: 0, before: 0, after: rows.length < size ? 0 : null };
}

/** The end through the reversed keyset order: as cheap as the first page. */
export function lastPage<T>(src: ListSource<T>, size: number): ListWindow<T> {
  const rows = src.page({ kind: 'last' }, size);
  return { rows, cursor: Math.max(0, rows.length - 1), before: rows.length < size ? 0 : null, after: 0 };
}

const add = (n: number | null, d: number): number | null => (n === null ? null : Math.max(0, n + d));

/** Moves the cursor; past the window's edge it reads only the rows scrolled in (one keyset query). */
export function moveBy<T>(w: ListWindow<T>, src: ListSource<T>, size: number, delta: number): ListWindow<T> {
  const target = w.cursor + delta;
  if (w.rows.length === 0) return w;
  if (target >= 0 && target < w.rows.length) return { ...w, cursor: target };
  if (target >= w.rows.length) {
    const need = target - (w.rows.length - 1);
    const more = src.page({ kind: 'after', cursor: src.cursorOf(w.rows[w.rows.length - 1]!) }, need);
    const all = [...w.rows, ...more];
    const drop = Math.max(0, all.length - size);
    const cursor = clamp(target, 0, all.length - 1) - drop;
    const after = more.length < need ? 0 : add(w.after, -more.length);
    return { rows: all.slice(drop), cursor, before: add(w.before, drop), after };
  }
  const need = -target;
  const more = src.page({ kind: 'before', cursor: src.cursorOf(w.rows[0]!) }, need);
  const all = [...more, ...w.rows];
  const kept = all.slice(0, size);
  const before = more.length < need ? 0 : add(w.before, -more.length);
  return { rows: kept, cursor: Math.max(0, more.length + target), before, after: add(w.after, all.length - kept.length) };
}

/**
 * Reads the window again after a change (another process wrote, or we did): at the top it
 * shows the newest rows, elsewhere it stays where it was; the cursor stays on the same row id.
 */
export function reload<T>(w: ListWindow<T>, src: ListSource<T>, size: number): ListWindow<T> {
  const id = w.rows[w.cursor] === undefined ? undefined : src.idOf(w.rows[w.cursor]!);
  const atTop = w.before === 0 || w.rows.length === 0;
  const rows = atTop ? src.page({ kind: 'first' }, size) : src.page({ kind: 'from', cursor: src.cursorOf(w.rows[0]!) }, size);
  if (!atTop && rows.length === 0) return firstPage(src, size);
  const found = id === undefined ? -1 : rows.findIndex((r) => src.idOf(r) === id);
  const cursor = found >= 0 ? found : clamp(w.cursor, 0, Math.max(0, rows.length - 1));
  return { rows, cursor, before: atTop ? 0 : w.before, after: rows.length < size ? 0 : null };
}

/** A new height: fewer rows are cut around the cursor, more are read from the window's first row. */
export function resize<T>(w: ListWindow<T>, src: ListSource<T>, size: number): ListWindow<T> {
  if (w.rows.length > size) {
    const drop = Math.max(0, w.cursor - size + 1);
    const rows = w.rows.slice(drop, drop + size);
    return { rows, cursor: w.cursor - drop, before: add(w.before, drop), after: add(w.after, w.rows.length - drop - rows.length) };
  }
  return reload(w, src, size);
}

/** "51-100 of 1,000,000": the rows on screen, and the total when counted or estimated. */
export function positionText<T>(w: ListWindow<T>, total: { value: number; exact: boolean } | null): string {
  const fmt = (n: number): string => n.toLocaleString('en-US');
  const of = total === null ? '' : ` of ${total.exact ? '' : '~'}${fmt(total.value)}`;
  if (w.rows.length === 0) return `0${of}`;
  let before = w.before;
  if (before === null && w.after !== null && total?.exact) before = total.value - w.after - w.rows.length;
  if (before === null) return `${fmt(w.rows.length)} rows${of}`;
  return `${fmt(before + 1)}-${fmt(before + w.rows.length)}${of}`;
}
