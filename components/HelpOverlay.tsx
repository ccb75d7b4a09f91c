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
  /** which page to show when the keys take more than one (0 first; kept in range) */
  readonly page?: number;
}

const KEYS_WIDTH = 16;
/** A column narrower than this cuts its descriptions to nothing: more pages instead. */
const MIN_COLUMN = 30;
const GAP = 2;

/** The key column of a help column: its longest key label and a gap, at most KEYS_WIDTH. */
export const keysWidth = (col: readonly HelpSectionProps[]): number =>
  Math.min(KEYS_WIDTH, 2 + Math.max(0, ...col.flatMap((s) => s.rows.map((r) => r.keys.length))));

/** Lines a column's sections take: each its title and rows, a blank line between two. */
export const columnLines = (col: readonly HelpSectionProps[]): number => col.reduce((n, s, i) => n + (i > 0 ? 1 : 0) + 1 + s.rows.length, 0);

/**
 * Packs sections into columns no taller than `height`. A section that does not fit what is left
 * of a column starts the next; one taller than a whole column goes on there as "(cont.)".
 */
export function helpColumns(sections: readonly HelpSectionProps[], height: number): HelpSectionProps[][] {
  const h = Math.max(2, height);
  const cols: HelpSectionProps[][] = [[]];
  for (const s of sections) {
    let rows = s.rows;
    let title = s.title;
    while (rows.length > 0) {
      const col = cols[cols.length - 1]!;
      const used = columnLines(col);
      const room = h - used - (col.length > 0 ? 2 : 1);
      const whole = rows.length <= h - 1;
      if (col.length > 0 && (room < 1 || (whole && rows.length > room))) {
        cols.push([]);
        continue;
      }
      const take = Math.min(room, rows.length);
      col.push({ title, rows: rows.slice(0, take) });
      rows = rows.slice(take);
      title = `${s.title} (cont.)`;
    }
  }
  return cols;
}

/** What a column needs to show every row whole: the key column and its longest description (or title). */
const naturalWidth = (col: readonly HelpSectionProps[]): number =>
  Math.max(...col.flatMap((s) => [s.title.length, ...s.rows.map((r) => keysWidth(col) + r.description.length)]));

/**
 * Column widths within `available` (gaps taken out): a column that needs less than its share
 * (the screens list) gets what it needs, and the rest is shared among the wider ones.
 */
export function helpColumnWidths(cols: readonly (readonly HelpSectionProps[])[], available: number): number[] {
  const widths: number[] = cols.map(() => 0);
  let left = Math.max(0, available - GAP * (cols.length - 1));
  const order = cols.map((c, i) => ({ i, need: naturalWidth(c) })).sort((a, b) => a.need - b.need);
  order.forEach(({ i, need }, n) => {
    widths[i] = Math.min(need, Math.floor(left / (order.length - n)));
    left -= widths[i]!;
  });
  return widths;
}

/** The help as pages of columns that fit `width` x `height` (border and title included). */
export function helpPages(sections: readonly HelpSectionProps[], width: number, height: number): HelpSectionProps[][][] {
  const inner = Math.max(1, width - 4);
  const cols = helpColumns(sections, height - 3);
  const perPage = Math.max(1, Math.floor((inner + GAP) / (MIN_COLUMN + GAP)));
  const pages: HelpSectionProps[][][] = [];
  for (let i = 0; i < cols.length; i += perPage) pages.push(cols.slice(i, i + perPage));
  return pages;
}

/** `?`: every key that works here, in sections generated from the keymap; in pages when they do not fit. */
export function HelpOverlay({ sections, width, height, page = 0 }: HelpOverlayProps) {
  const pages = helpPages(sections, width, height);
  const at = Math.max(0, Math.min(page, pages.length - 1));
  const cols = pages[at] ?? [];
  const widths = helpColumnWidths(cols, width - 4);
  const heading = pages.length > 1 ? `Keys ${at + 1}/${pages.length} (PgDn/PgUp pages, Esc closes)` : 'Keys (Esc closes)';
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={width} height={height} overflow="hidden" flexShrink={0}>
      <ToneText tone="title" wrap="truncate-end">
        {heading}
      </ToneText>
      <Box flexShrink={0}>
        {cols.map((col, c) => {
          const kw = Math.min(keysWidth(col), Math.max(4, Math.floor((widths[c] ?? 0) / 2)));
          return (
            <Box key={c} flexDirection="column" width={widths[c]} marginRight={c < cols.length - 1 ? GAP : 0} flexShrink={0}>
              {col.map((s, i) => (
                <Box key={s.title} flexDirection="column" marginTop={i > 0 ? 1 : 0} flexShrink={0}>
                  <ToneText tone="accent" wrap="truncate-end">
                    {s.title}
                  </ToneText>
                  {s.rows.map((r) => (
                    <Box key={`${r.keys} ${r.description}`} flexShrink={0}>
                      <Box width={kw} flexShrink={0}>
                        <ToneText tone="key" wrap="truncate-end">
                          {r.keys}
                        </ToneText>
                      </Box>
                      <Text wrap="truncate-end">{r.description}</Text>
                    </Box>
                  ))}
                </Box>
              ))}
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
