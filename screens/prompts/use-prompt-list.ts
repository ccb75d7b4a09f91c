import { useMemo } from 'react';
import type { PromptFilters } from '../../db/repositories/prompt-history-query.js';
import type { DecodedPrompt } from '../../db/repositories/prompt-history-values.js';
import { useServices } from '../../src/app/services.js';
import { useLive } from '../../src/app/live.js';
import { useKeysetList, type KeysetList } from '../../src/hooks/use-keyset-list.js';
import { useRowCount } from '../../src/hooks/use-row-count.js';
import { positionText } from '../../src/hooks/keyset-window.js';
import { listViewOf, type PagedList } from '../../src/hooks/use-paged-list.js';
import { promptListSource } from './prompt-source.js';
import { filtersKey } from './prompt-filters.js';

export interface PromptList {
  readonly list: KeysetList<DecodedPrompt>;
  /** "1-20 of 4,965"; the total comes later, counted between key presses */
  readonly position: string;
  readonly view: PagedList<DecodedPrompt>['view'];
}

/**
 * The prompts matching `filters`, a window of `pageSize` rows: a new filter reads one first page
 * (one indexed query), live changes reload in place, the total is counted in id slices afterwards.
 */
export function usePromptList(filters: PromptFilters, pageSize: number): PromptList {
  const { db } = useServices();
  const { version } = useLive();
  const key = filtersKey(filters);
  // The key stands for the filters: a new object with the same filters keeps the source (and its page).
  const source = useMemo(() => promptListSource(db, filters), [db, key]);
  const list = useKeysetList(source, pageSize, version);
  const w = list.state.status === 'ready' ? list.state.window : null;
  const known = w && w.before === 0 && w.after === 0 ? w.rows.length : null;
  const count = useRowCount(source, version, known);
  const view = listViewOf(list.state, source.unfiltered ? 'No prompts in this database.' : 'No prompt matches.');
  return { list, view, position: w ? positionText(w, count) : '' };
}
