import { useCallback, useState } from 'react';
import { CHEAP_SORT_ROWS, type ListSort, type SortAsk } from '../../db/views/sort.js';

/** What the sort keys drive: `<` `>` move the sort to the column left or right, `~` reverses it. */
export interface SortController {
  /** the sort in force (the source's), undefined for a list with one fixed order */
  readonly current: ListSort | undefined;
  /** the sort ids the keys move through: the screen's sortable columns the source offers now, left to right */
  readonly offered: readonly string[];
  step(delta: 1 | -1): void;
  flip(): void;
}

/**
 * The sort a list screen asks for. `columns` are the sort ids of its columns in screen order;
 * `inForce` and `available` come from the source (a big table offers fewer: db/views/sort.ts).
 */
export function useSort(columns: readonly string[], refuse: (why: string) => void = () => {}) {
  const [asked, setAsked] = useState<SortAsk | undefined>(undefined);
  const control = useCallback(
    (inForce: ListSort | undefined, available: readonly string[] | undefined): SortController => {
      const offered = columns.filter((c) => available?.includes(c));
      return {
        current: inForce,
        offered,
        step(delta) {
          if (offered.length === 0) return;
          if (offered.length === 1 && inForce?.by === offered[0]) {
            // a big table: say why the key does nothing rather than nothing
            refuse(`Sorted by ${inForce.by} only: past ${CHEAP_SORT_ROWS.toLocaleString('en-US')} rows any other column would sort every row for each page. (~ reverses it).`);
            return;
          }
          const at = inForce ? offered.indexOf(inForce.by) : -1;
          // from a sort no column shows (the default of a list), > starts at the first column, < at the last
          const next = at < 0 ? (delta > 0 ? 0 : offered.length - 1) : (at + delta + offered.length) % offered.length;
          setAsked({ by: offered[next]! });
        },
        flip() {
          if (inForce) setAsked({ by: inForce.by, direction: inForce.direction === 'asc' ? 'desc' : 'asc' });
        },
      };
    },
    // by value: a screen may build its columns anew for each width
    // eslint-disable-next-line react-hooks/exhaustive-deps, react-hooks/use-memo -- the columns compared by value, as said
    [columns.join('\u0000'), refuse],
  );
  return { asked, control };
}
