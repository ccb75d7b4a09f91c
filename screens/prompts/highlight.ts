import { foldCase } from '../../db/search/fold.js';

/** A piece of a line: plain, or a match of the search. */
export interface Segment {
  readonly text: string;
  readonly match: boolean;
}

/**
 * Where `query` occurs in `text`, in any case and literally; -1 when it does not. The search's own
 * fold (db/search/fold.ts, all of Unicode: `ωmega` matches `Ωmega`), so what is highlighted is what
 * matched. It keeps every UTF-16 length (İ is kept, toLowerCase would lengthen it), so an index in
 * the folded text is the same in `text`.
 */
export const findMatch = (text: string, query: string, from = 0): number => (query === '' ? -1 : foldCase(text).indexOf(foldCase(query), from));

/** `text` cut into plain and matching segments. */
export function highlightSegments(text: string, query: string): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (let i = findMatch(text, query); i >= 0; i = findMatch(text, query, at)) {
    if (i > at) out.push({ text: text.slice(at, i), match: false });
    out.push({ text: text.slice(i, i + query.length), match: true });
    at = i + query.length;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), match: false });
  return out;
}

const LEAD = 12;

/**
 * The part of a one-line text to show in `width` columns so the first match is visible:
 * from the start when it fits, else from a little before the match, with `…`.
 */
export function excerptAround(text: string, query: string, width: number): string {
  const i = findMatch(text, query);
  if (i < 0 || i + query.length <= width - 1) return text;
  const start = Math.max(0, Math.min(i - LEAD, i + query.length - width + 2));
  return `…${text.slice(start)}`;
}
