import { part, type SqlPart } from './sql.js';
import { FTS_TABLE } from './fts.js';
import { TAGS_TABLE, tagArray } from './tags.js';
import { ftsMatchFor } from './trigrams.js';

// Every predicate here speaks of the prompt_history row aliased `p`.

/** Case-insensitive (ASCII, as SQLite's lower) literal substring of prompt or context: no LIKE wildcards. */
export const scanText = (query: string): SqlPart =>
  part('instr(lower(p.prompt), lower(?)) > 0 OR instr(lower(p.context), lower(?)) > 0', query, query);

/**
 * Candidates from the trigram index (alias `f`), re-checked by the scanning predicate: the index
 * folds case more widely than lower(), and a long query asks it only for a few of its trigrams
 * (see trigrams.ts), so the re-check is what makes both paths return exactly the same rows.
 */
export const indexedText = (query: string): SqlPart[] => [part(`f.${FTS_TABLE} MATCH ?`, ftsMatchFor(query)), scanText(query)];

/** The tag as one element of the tags JSON array, compared exactly (quotes and all). */
export const scanTag = (tag: string): SqlPart =>
  part(`EXISTS (SELECT 1 FROM json_each(${tagArray('p.tags')}) j WHERE j.type = 'text' AND j.value = ?)`, tag);

export const indexedTag = (tag: string): SqlPart =>
  part(`EXISTS (SELECT 1 FROM ${TAGS_TABLE} t2 WHERE t2.prompt_id = p.id AND t2.tag = ?)`, tag);
