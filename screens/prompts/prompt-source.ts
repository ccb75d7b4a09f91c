import type { DB } from '../../db/connection.js';
import type { ListSource, PageRequest } from '../../db/views/keyset.js';
import { PromptHistoryRepository } from '../../db/repositories/prompt-history.js';
import type { PromptFilters } from '../../db/repositories/prompt-history-query.js';
import { decodePrompt, type DecodedPrompt } from '../../db/repositories/prompt-history-values.js';

/** A filter in force: a value, or null (category: the prompts with none). */
const present = (s: string | null | undefined): boolean => s === null || (s !== undefined && s !== '');

export const isUnfiltered = (f: PromptFilters): boolean => !present(f.search) && !present(f.category) && !present(f.status) && !present(f.tag);

/** The repository's pages for one keyset request: each is one indexed query, newest first. */
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

/** Prompts newest first, paged by id through the repository (FTS or tag index when they narrow). */
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
    unfiltered: isUnfiltered(filters),
  };
}
