import React from 'react';
import { Text } from 'ink';

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 15;

/** Shown instead of a broken layout; the console comes back when the terminal grows. */
export function TooSmall({ columns, rows }: { columns: number; rows: number }) {
  return <Text wrap="wrap">{`Terminal too small (${columns}x${rows}); needs ${MIN_COLUMNS}x${MIN_ROWS}. Enlarge it, or q to quit.`}</Text>;
}
