// The cursor of a one-line text field, counted in code points (what ←/→ step over). Pure.

export type CursorKey = 'left' | 'right' | 'home' | 'end';

/** The text left and right of the cursor; null (or past the end) is the end. */
export function splitAt(value: string, cursor: number | null): { before: string; after: string } {
  if (cursor === null) return { before: value, after: '' };
  const points = Array.from(value);
  const at = Math.max(0, Math.min(cursor, points.length));
  return { before: points.slice(0, at).join(''), after: points.slice(at).join('') };
}

/** Where a cursor key puts the cursor: null at the end. */
export function cursorMove(value: string, cursor: number | null, key: CursorKey): number | null {
  const length = Array.from(value).length;
  const now = cursor === null ? length : Math.max(0, Math.min(cursor, length));
  const to = key === 'home' ? 0 : key === 'end' ? length : key === 'left' ? Math.max(0, now - 1) : Math.min(length, now + 1);
  return to >= length ? null : to;
}
