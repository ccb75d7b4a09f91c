import { useCallback, useMemo } from 'react';
import { useFlash } from '../app/flash.js';
import type { ListSource } from '../../db/views/keyset.js';
import type { ListStatus } from '../../components/ListView.js';
import { useServices } from '../app/services.js';
import { useLive } from '../app/live.js';
import type { DB } from '../../db/connection.js';
import { useFilter, type FilterInput } from './use-filter.js';
import { useKeysetList, type KeysetList, type ListState } from './use-keyset-list.js';
import { useRowCount } from './use-row-count.js';
import { positionText } from './keyset-window.js';
import type { ParsedFilter } from './filter-query.js';
import type { ListSort, SortAsk } from '../../db/views/sort.js';
import { useSort } from './use-sort.js';

const NO_SORTS: readonly string[] = [];

export interface PagedList<T> {
  readonly filter: FilterInput;
  readonly list: KeysetList<T>;
  /** "51-100 of 1,000,000" */
  readonly position: string;
  /** ListView's props for the current state (the sort in force marks its column's header) */
  readonly view: { status: ListStatus; rows: readonly T[]; cursor: number; message?: string; sort?: ListSort };
}

/**
 * A list screen's data: a filter (`/`), a keyset-paged window of `pageSize` rows that follows
 * live changes, and the total counted after the first frame.
 */
export function usePagedList<T>(
  makeSource: (db: DB, filter: ParsedFilter, sort?: SortAsk) => ListSource<T>,
  fields: readonly string[],
  pageSize: number,
  opts: { active: boolean; initialFilter?: string; empty: string; sortable?: readonly string[]; live?: (db: DB, draft: string) => boolean; literal?: boolean; sourceKey?: string },
): PagedList<T> {
  const { db } = useServices();
  const { version } = useLive();
  const live = opts.live; // applies the filter as you type where it says so (useFilter)
  // literal: the filter is one text as typed, no fields (the prompts search); sourceKey: what else
  // makeSource reads, outside the filter line (the prompts' picked filters): a new key, a new source
  const filter = useFilter(fields, opts.initialFilter, opts.active, live && ((draft) => live(db, draft)), opts.literal);
  const { flash } = useFlash();
  const refuse = useCallback((why: string) => flash(why, 'warning'), [flash]);
  const sort = useSort(opts.sortable ?? NO_SORTS, refuse);
  // makeSource is a module function per screen (or one per sourceKey): the source changes only with the filter, the sort and that key.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- makeSource is a module function per screen (above)
  const source = useMemo(() => makeSource(db, filter.parsed, sort.asked), [db, filter.parsed, sort.asked, opts.sourceKey]);
  const keyset = useKeysetList(source, pageSize, version);
  const sorter = opts.sortable ? sort.control(source.sort, source.sorts) : undefined;
  const list: KeysetList<T> = sorter ? { ...keyset, sort: sorter } : keyset;
  const w = list.state.status === 'ready' ? list.state.window : null;
  const known = w && w.before === 0 && w.after === 0 ? w.rows.length : null;
  const count = useRowCount(source, version, known);
  const view = { ...listViewOf(list.state, filter.applied ? `nothing matches ${filter.applied}` : opts.empty), ...(sorter?.current ? { sort: sorter.current } : {}) };
  return { filter, list, view, position: w ? positionText(w, count) : '' };
}

/** ListView's props for a keyset list's state; `empty` says what no rows means here. */
export function listViewOf<T>(state: ListState<T>, empty: string): PagedList<T>['view'] {
  if (state.status === 'loading') return { status: 'loading', rows: [], cursor: -1 };
  if (state.status === 'error') return { status: 'error', rows: [], cursor: -1, message: state.error };
  if (state.window.rows.length === 0) return { status: 'empty', rows: [], cursor: -1, message: empty };
  return { status: 'ready', rows: state.window.rows, cursor: state.window.cursor };
}
