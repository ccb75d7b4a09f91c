import React from 'react';
import { Box } from 'ink';
import { FilterBar, type FilterBarProps } from './FilterBar.js';
import { ListView, type ListViewProps } from './ListView.js';

export interface ListPaneProps<T> {
  readonly filter: FilterBarProps;
  readonly list: Omit<ListViewProps<T>, 'height'>;
  /** lines for the whole pane: one for the filter line, the rest for the table */
  readonly height: number;
}

/** A list screen's body: the filter line over the table. */
export function ListPane<T>({ filter, list, height }: ListPaneProps<T>) {
  return (
    <Box flexDirection="column" height={height}>
      <FilterBar {...filter} />
      <ListView {...list} height={height - 1} />
    </Box>
  );
}
