import type { PromptFilters } from '../../db/repositories/prompt-history-query.js';

/** The filters picked from the lists; the search comes from the search line. */
export type PickedFilters = Pick<PromptFilters, 'category' | 'status' | 'tag'>;
export type FilterKind = keyof PickedFilters;

export const FILTER_KINDS: readonly FilterKind[] = ['category', 'status', 'tag'];

/** A stable key for a set of filters: hooks re-read when it changes, not on every render. */
export const filtersKey = (f: PromptFilters): string => JSON.stringify([f.search ?? '', f.category === null ? null : (f.category ?? ''), f.status ?? '', f.tag ?? '']);

/** The filters without one kind: a list's counts for choosing that kind follow all the others. */
export const without = (f: PromptFilters, kind: FilterKind): PromptFilters => ({ ...f, [kind]: undefined });

/** What is in force, in words: `category:feature status:failed tag:api`. */
export const pickedText = (f: PickedFilters): string => FILTER_KINDS.flatMap((k) => (f[k] === undefined ? [] : [`${k}:${f[k] === null ? '(none)' : f[k]}`])).join(' ');
