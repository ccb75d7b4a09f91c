import React from 'react';
import { Text } from 'ink';
import { wrapLines } from './text/wrap.js';

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 15;

/**
 * Shown instead of a broken layout; the console comes back when the terminal grows, each screen
 * as it was left. At most rows-1 lines (a taller frame makes Ink repaint the whole terminal).
 */
export function TooSmall({ columns, rows }: { columns: number; rows: number }) {
  const long = `Terminal too small (${columns}x${rows}); needs ${MIN_COLUMNS}x${MIN_ROWS}. Enlarge it, or q to quit.`;
  const fits = wrapLines(long, columns).length <= Math.max(1, rows - 1);
  const lines = wrapLines(fits ? long : `Too small: ${columns}x${rows}, needs ${MIN_COLUMNS}x${MIN_ROWS}`, columns).slice(0, Math.max(1, rows - 1));
  return <Text>{lines.join('\n')}</Text>;
}
