import type { DB } from '../connection.js';
import type { ListSource, PageRequest } from './keyset.js';
import { PromptHistoryRepository } from '../repositories/prompt-history.js';
import type { PromptFilters } from '../repositories/prompt-history-query.js';
import { decodePrompt, type DecodedPrompt } from '../repositories/prompt-history-values.js';

/**
 * The prompts list as a keyset source like the other lists': newest first, paged by id through
 * the prompt history reader, whose driving table is the full-text index (search) or the tag index
 * (tag) when they narrow the set, so a page costs one indexed query at any size.
 */

/** A filter in force: a value, or null (category: the prompts with none). */
const present = (s: string | null | undefined): boolean => s === null || (s !== undefined && s !== '');

export const isUnfilteredPrompts = (f: PromptFilters): boolean => !present(f.search) && !present(f.category) && !present(f.status) && !present(f.tag);

/** The reader's page for one keyset request (ids descending: `after` is below the cursor, `before` above it). */
function pageOptions(req: PageRequest): { beforeId?: number; afterId?: number } {
  switch (req.kind) {
    case 'first':
      return {};
    case 'last':
      return { afterId: Number.MIN_SAFE_INTEGER };
    case 'after':
      return { beforeId: Number(req.cursor.id) };
    case 'from':
      return { beforeId: Number(req.cursor.id) + 1 };
    case 'before':
      return { afterId: Number(req.cursor.id) };
  }
}

/** Prompts matching `filters`, newest first, counted in id slices after the first frame. */
export function promptListSource(db: DB, filters: PromptFilters): ListSource<DecodedPrompt> {
  const repo = new PromptHistoryRepository(db);
  return {
    page: (req, limit) => repo.findAll({ ...filters, ...pageOptions(req), limit }).map(decodePrompt),
    cursorOf: (p) => ({ key: p.id, id: p.id }),
    idOf: (p) => p.id,
    counter: {
      maxRowid: () => repo.findRecent(1)[0]?.id ?? 0,
      countRange: (lo, hi) => repo.countRange(filters, lo, hi),
    },
    unfiltered: isUnfilteredPrompts(filters),
  };
}
