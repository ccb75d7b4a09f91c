import { useMemo } from 'react';
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

export interface PagedList<T> {
  readonly filter: FilterInput;
  readonly list: KeysetList<T>;
  /** "51-100 of 1,000,000" */
  readonly position: string;
  /** ListView's props for the current state */
  readonly view: { status: ListStatus; rows: readonly T[]; cursor: number; message?: string };
}

/**
 * A list screen's data: a filter (`/`), a keyset-paged window of `pageSize` rows that follows
 * live changes, and the total counted after the first frame.
 */
export function usePagedList<T>(
  makeSource: (db: DB, filter: ParsedFilter) => ListSource<T>,
  fields: readonly string[],
  pageSize: number,
  opts: { active: boolean; initialFilter?: string; empty: string; live?: (db: DB, draft: string) => boolean },
): PagedList<T> {
  const { db } = useServices();
  const { version } = useLive();
  const live = opts.live; // applies the filter as you type where it says so (useFilter)
  const filter = useFilter(fields, opts.initialFilter, opts.active, live && ((draft) => live(db, draft)));
  // makeSource is a module function per screen: the source changes only with the filter.
  const source = useMemo(() => makeSource(db, filter.parsed), [db, filter.parsed]);
  const list = useKeysetList(source, pageSize, version);
  const w = list.state.status === 'ready' ? list.state.window : null;
  const known = w && w.before === 0 && w.after === 0 ? w.rows.length : null;
  const count = useRowCount(source, version, known);
  const view = listViewOf(list.state, filter.applied ? `nothing matches ${filter.applied}` : opts.empty);
  return { filter, list, view, position: w ? positionText(w, count) : '' };
}

/** ListView's props for a keyset list's state; `empty` says what no rows means here. */
export function listViewOf<T>(state: ListState<T>, empty: string): PagedList<T>['view'] {
  if (state.status === 'loading') return { status: 'loading', rows: [], cursor: -1 };
  if (state.status === 'error') return { status: 'error', rows: [], cursor: -1, message: state.error };
  if (state.window.rows.length === 0) return { status: 'empty', rows: [], cursor: -1, message: empty };
  return { status: 'ready', rows: state.window.rows, cursor: state.window.cursor };
}
