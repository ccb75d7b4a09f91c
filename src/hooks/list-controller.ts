import type { SortController } from './use-sort.js';

/** What the list keys drive: a keyset list or an in-memory one. */
export interface ListController {
  /** a list that sorts by its columns: the sort keys (`<` `>` `~`) drive this */
  readonly sort?: SortController;
  move(delta: number): void;
  /** +1 a page down, -1 a page up */
  page(direction: 1 | -1): void;
  first(): void;
  last(): void;
}
