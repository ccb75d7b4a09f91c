import { ftsPhrase } from './fts.js';

/**
 * Which trigrams of a search query the full-text index is asked for.
 *
 * A trigram phrase query makes FTS5 walk the doclist and position list of EVERY trigram of the
 * query (26 for "dark mode for inventory sync"), and the common ones (" fo", "or ", " in") hold a
 * fifth to a third of all rows. A few rare trigrams AND-ed already narrow the candidates to a
 * handful per match, read without position lists; the exact re-check (instr on lower()) that
 * follows in SQL then removes the rest, so the rows are the same as a scan's.
 *
 * How rare a trigram is: FTS5 keeps no document counts (fts5vocab counts them by reading the whole
 * doclist, 1 to 25 ms per common trigram at a million rows, more than the search itself), so it is
 * estimated from how rare its characters are in English text.
 */

/** How many trigrams are AND-ed: measured at 1M rows, 2-3 rare ones cost least; 5 cost twice as much. */
export const MAX_TRIGRAMS = 3;

// Approximate frequency per 1000 characters of English prose (letters from the usual tables).
const LETTERS: Record<string, number> = {
  a: 65,
  b: 12,
  c: 22,
  d: 34,
  e: 102,
  f: 18,
  g: 16,
  h: 49,
  i: 56,
  j: 1,
  k: 6,
  l: 32,
  m: 20,
  n: 54,
  o: 60,
  p: 15,
  q: 1,
  r: 48,
  s: 51,
  t: 73,
  u: 22,
  v: 8,
  w: 19,
  x: 1.5,
  y: 16,
  z: 0.6,
};
const SPACE = 180;
const DIGIT = 8;
const PUNCTUATION = 6;
const OTHER = 3; // non-ASCII and control characters: rare in prompts

function frequency(ch: string): number {
  const lower = ch.toLowerCase();
  const letter = LETTERS[lower];
  if (letter !== undefined) return letter;
  if (/\s/u.test(ch)) return SPACE;
  if (/[0-9]/.test(ch)) return DIGIT;
  return ch.codePointAt(0)! < 128 ? PUNCTUATION : OTHER;
}

interface Trigram {
  readonly text: string;
  /** index of its first character in the query, in code points */
  readonly at: number;
  /** log of its estimated frequency: lower is rarer */
  readonly score: number;
}

/** Every trigram of the query, by code point as the trigram tokenizer reads it; the first of each (folded) kind. */
function trigramsOf(query: string): Trigram[] {
  const chars = Array.from(query);
  const seen = new Set<string>();
  const out: Trigram[] = [];
  for (let at = 0; at + 3 <= chars.length; at++) {
    const three = chars.slice(at, at + 3);
    const text = three.join('');
    const key = text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ text, at, score: three.reduce((s, c) => s + Math.log(frequency(c)), 0) });
  }
  return out;
}

/**
 * The rarest trigrams of the query, rarest first: first those that do not overlap a chosen one
 * (overlapping trigrams share characters, so they narrow little more than one of them), then, for
 * short queries, overlapping ones. Empty for a query shorter than three characters.
 */
export function selectiveTrigrams(query: string, max = MAX_TRIGRAMS): string[] {
  const byRarity = trigramsOf(query).sort((a, b) => a.score - b.score || a.at - b.at);
  const chosen: Trigram[] = [];
  for (const t of byRarity) {
    if (chosen.length < max && chosen.every((c) => Math.abs(c.at - t.at) >= 3)) chosen.push(t);
  }
  for (const t of byRarity) {
    if (chosen.length < max && !chosen.includes(t)) chosen.push(t);
  }
  return chosen.sort((a, b) => a.score - b.score || a.at - b.at).map((t) => t.text);
}

/**
 * The MATCH argument for a literal substring query of three characters or more.
 *
 * Up to MAX_TRIGRAMS trigrams in all (five characters or fewer): the phrase, which reads no more
 * doclists than an AND of them would and lets FTS5 drop rows holding them apart before they are
 * fetched. Longer: the selective trigrams AND-ed, each a quoted string (so exactly one trigram
 * term). Every row containing the query holds all of them, so no match is lost; rows holding them
 * apart are removed by the caller's exact re-check.
 */
export function ftsMatchFor(query: string): string {
  if (Array.from(query).length - 2 <= MAX_TRIGRAMS) return ftsPhrase(query);
  return selectiveTrigrams(query).map(ftsPhrase).join(' AND ');
}
