import { part, type SqlPart } from './sql.js';
import { FTS_TABLE } from './fts.js';
import { TAGS_TABLE, TAG_COUNTS_TABLE, tagArray } from './tags.js';
import { ftsMatchFor } from './trigrams.js';
import type Database from 'better-sqlite3';
import { FOLD_FUNCTION, foldCase, registerFold } from './fold.js';

// Every predicate here speaks of the prompt_history row aliased `p`. Text and tags are compared
// case-folded for all of Unicode (fold.ts); the connection must have had registerFold() called.

/**
 * `column`'s fold equals (`=`) or contains (`instr`) the bound, already folded, value. lower()
 * first: an ASCII value (nearly every row) folds the same in C, and only a value holding other
 * characters (octet_length > length) is folded by the registered function.
 */
export const folded = (column: string, compare: 'contains' | 'equals' | 'starts'): string => {
  const test = (expr: string): string => (compare === 'contains' ? `instr(${expr}, ?) > 0` : compare === 'starts' ? `instr(${expr}, ?) = 1` : `${expr} = ?`);
  return `(${test(`lower(${column})`)} OR (length(${column}) < octet_length(${column}) AND ${test(`${FOLD_FUNCTION}(${column})`)}))`;
};

/** Case-insensitive (all of Unicode) literal substring of prompt or context: no LIKE wildcards. */
export const scanText = (query: string): SqlPart => {
  const q = foldCase(query);
  return part(`${folded('p.prompt', 'contains')} OR ${folded('p.context', 'contains')}`, q, q, q, q);
};

/**
 * Candidates from the trigram index (alias `f`), re-checked by the scanning predicate: a long
 * query asks the index only for a few of its trigrams (see trigrams.ts), so the re-check is what
 * makes both paths return exactly the same rows. The index folds case itself (fts.ts says when a
 * query must scan instead); it is asked for the folded query, as its fold was checked against.
 */
export const indexedText = (query: string): SqlPart[] => [part(`f.${FTS_TABLE} MATCH ?`, ftsMatchFor(foldCase(query))), scanText(query)];

/** The tag as one element of the tags JSON array, in any case (`AUTH` finds `auth`, as the service's LIKE does). */
export const scanTag = (tag: string): SqlPart => {
  const t = foldCase(tag);
  return part(`EXISTS (SELECT 1 FROM json_each(${tagArray('p.tags')}) j WHERE j.type = 'text' AND ${folded('j.value', 'equals')})`, t, t);
};

/** Same, through the tag side table, for a prompt found another way. */
export const indexedTag = (tag: string): SqlPart => {
  const t = foldCase(tag);
  return part(`EXISTS (SELECT 1 FROM ${TAGS_TABLE} t2 WHERE t2.prompt_id = p.id AND ${folded('t2.tag', 'equals')})`, t, t);
};

/**
 * The tag side table (alias `g`) driving the read. `spellings`: the stored spellings of the tag
 * (tagSpellings), read first so that the usual single one walks the index on (tag, prompt_id) in
 * id order and stops at the page (an IN over a subquery made SQLite fetch and sort every match:
 * 0.2 ms became 70 ms for a common tag at 100k prompts). Without them, the subquery.
 */
export const drivingTag = (tag: string, spellings?: readonly string[]): SqlPart => {
  if (spellings === undefined) {
    const t = foldCase(tag);
    return part(`g.tag IN (SELECT c.tag FROM ${TAG_COUNTS_TABLE} c WHERE ${folded('c.tag', 'equals')})`, t, t);
  }
  if (spellings.length === 0) return part('0');
  if (spellings.length === 1) return part('g.tag = ?', spellings[0]);
  return part(`g.tag IN (${spellings.map(() => '?').join(', ')})`, ...spellings);
};

/** Every spelling of `tag` in the per-tag counts (any case), for drivingTag; only the tags in use. */
export function tagSpellings(sqlite: Database.Database, tag: string): string[] {
  registerFold(sqlite);
  const t = foldCase(tag);
  return sqlite
    .prepare<[string, string], string>(`SELECT c.tag FROM ${TAG_COUNTS_TABLE} c WHERE c.count > 0 AND ${folded('c.tag', 'equals')} ORDER BY c.tag`)
    .pluck()
    .all(t, t);
}
