import type { DB } from '../../db/connection.js';
import type { ListSource } from '../../db/views/keyset.js';
import { promptListSource } from '../../db/views/prompts.js';
import type { DecodedPrompt } from '../../db/repositories/prompt-history-values.js';
import { FTS_MIN_QUERY_LENGTH } from '../../db/search/fts.js';
import type { ParsedFilter } from '../../src/hooks/filter-query.js';
import { filtersKey, type PickedFilters } from './prompt-filters.js';

/** Shorter searches cannot use the trigram index: they scan, so they wait for Enter. */
export const searchesAsYouType = (draft: string): boolean => draft === '' || [...draft].length >= FTS_MIN_QUERY_LENGTH;

/** usePagedList's `live`: a pause in typing searches when the draft is long enough. */
export const promptSearchIsLive = (_db: DB, draft: string): boolean => searchesAsYouType(draft);

/**
 * The prompts list's source for usePagedList: the search line is one literal text (prompt or
 * context contains it), the picked filters come from the pickers; `key` changes with them.
 */
export function promptListFor(picked: PickedFilters): { make: (db: DB, f: ParsedFilter) => ListSource<DecodedPrompt>; key: string } {
  return {
    make: (db, f) => promptListSource(db, { search: f.text || undefined, ...picked }),
    key: filtersKey(picked),
  };
}
