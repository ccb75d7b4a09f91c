import React from 'react';
import { Box, Text } from 'ink';
import { ToneText } from './theme/index.js';

export interface HelpSectionProps {
  readonly title: string;
  readonly rows: readonly { readonly keys: string; readonly description: string }[];
}

export interface HelpOverlayProps {
  readonly sections: readonly HelpSectionProps[];
  readonly width: number;
  readonly height: number;
}

const KEYS_WIDTH = 16;

/** The key column of a help column: its longest key label and a gap, at most KEYS_WIDTH. */
export const keysWidth = (col: readonly HelpSectionProps[]): number =>
  Math.min(KEYS_WIDTH, 2 + Math.max(0, ...col.flatMap((s) => s.rows.map((r) => r.keys.length))));

/** Packs sections into columns no taller than `height` (title and a blank line count). */
export function helpColumns(sections: readonly HelpSectionProps[], height: number): HelpSectionProps[][] {
  const cols: HelpSectionProps[][] = [[]];
  let used = 0;
  for (const s of sections) {
    const need = s.rows.length + 2;
    if (used > 0 && used + need > height) {
      cols.push([]);
      used = 0;
    }
    cols[cols.length - 1]!.push(s);
    used += need;
  }
  return cols;
}

/** What a column needs to show every row whole: the key column and its longest description (or title). */
const naturalWidth = (col: readonly HelpSectionProps[]): number =>
  Math.max(...col.flatMap((s) => [s.title.length, ...s.rows.map((r) => keysWidth(col) + r.description.length)])) + 2;

/**
 * Column widths within `available`: a column that needs less than its share (the screens list)
 * gets what it needs, and the rest is shared among the wider ones.
 */
export function helpColumnWidths(cols: readonly (readonly HelpSectionProps[])[], available: number): number[] {
  const widths: number[] = cols.map(() => 0);
  let left = Math.max(0, available);
  const order = cols.map((c, i) => ({ i, need: naturalWidth(c) })).sort((a, b) => a.need - b.need);
  order.forEach(({ i, need }, n) => {
    widths[i] = Math.min(need, Math.floor(left / (order.length - n)));
    left -= widths[i]!;
  });
  return widths;
}

/** `?`: every key that works here, in sections generated from the keymap. */
export function HelpOverlay({ sections, width, height }: HelpOverlayProps) {
  const cols = helpColumns(sections, Math.max(3, height - 3));
  const widths = helpColumnWidths(cols, width - 4);
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={width} height={height} overflow="hidden">
      <ToneText tone="title">Keys (Esc closes)</ToneText>
      <Box>
        {cols.map((col, c) => (
          <Box key={c} flexDirection="column" width={widths[c]}>
            {col.map((s) => (
              <Box key={s.title} flexDirection="column" marginBottom={1}>
                <ToneText tone="accent">{s.title}</ToneText>
                {s.rows.map((r) => (
                  <Box key={`${r.keys} ${r.description}`}>
                    <Box width={keysWidth(col)} flexShrink={0}>
                      <ToneText tone="key" wrap="truncate-end">{r.keys}</ToneText>
                    </Box>
                    <Text wrap="truncate-end">{r.description}</Text>
                  </Box>
                ))}
              </Box>
            ))}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
